# An exception raised in a weakref callback is printed to stderr and ignored.
import weakref


class Target:
    pass


def bad_callback(ref):
    print("callback running")
    raise KeyError("lost")


t = Target()
r = weakref.ref(t, bad_callback)
del t
print("program continues")
