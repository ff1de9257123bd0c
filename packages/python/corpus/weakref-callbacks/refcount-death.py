# Refcount death: __del__ runs first, then the weakref callback, whose ref is already dead.
import weakref


class Target:
    def __del__(self):
        print("Target.__del__")


def on_death(ref):
    print("callback: referent gone:", ref() is None)


t = Target()
watcher = weakref.ref(t, on_death)
print("alive:", watcher() is t)
del t
print("after del:", watcher() is None)
