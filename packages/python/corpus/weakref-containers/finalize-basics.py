# weakref.finalize: called once on death, by hand, or never after detach; alive, peek and atexit.
import gc
import weakref

class Resource:
    def __init__(self, name):
        self.name = name

def release(name, mode="normal"):
    print("release", name, mode)
    return name + " released"

r = Resource("r1")
f = weakref.finalize(r, release, "r1", mode="death")
print(f.alive, f.atexit, f.peek()[2:])
del r
print(f.alive, f())

r2 = Resource("r2")
f2 = weakref.finalize(r2, release, "r2")
print(f2(), f2.alive, f2())
del r2

r3 = Resource("r3")
f3 = weakref.finalize(r3, release, "r3")
obj, func, args, kwargs = f3.detach()
print(obj is r3, func is release, args, kwargs, f3.alive, f3.detach(), f3.peek())
del r3, obj

r4 = Resource("r4")
r4.cycle = r4
f4 = weakref.finalize(r4, release, "r4", mode="gc")
del r4
print("before collect", f4.alive)
gc.collect()
print("after collect", f4.alive)

class Temp:
    def __init__(self):
        self._finalizer = weakref.finalize(self, print, "temp cleaned up")
    def remove(self):
        self._finalizer()
    @property
    def removed(self):
        return not self._finalizer.alive

t = Temp()
print(t.removed)
t.remove()
print(t.removed)
t.remove()
t2 = Temp()
del t2
print("end")
