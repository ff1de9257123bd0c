# A weak reference does not keep its referent alive. When the referent dies,
# its finalizer (__del__) runs first, then weak references are cleared and
# their callbacks are called.
import weakref

class Cache:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalizing", self.name)

def on_death(ref):
    print("callback: the referent is gone, ref() is", ref())

obj = Cache("config")
ref = weakref.ref(obj, on_death)
print("ref() is obj:", ref() is obj)
del obj
print("after del obj, ref() is", ref())
