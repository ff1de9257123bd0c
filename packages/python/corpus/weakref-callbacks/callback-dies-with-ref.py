# If the weakref object dies first, its callback is never called.
import weakref


class Target:
    pass


def on_death(ref):
    print("not reached")


t = Target()
r = weakref.ref(t, on_death)
del r
print("weakref gone, count:", weakref.getweakrefcount(t))
del t
print("target gone quietly")
