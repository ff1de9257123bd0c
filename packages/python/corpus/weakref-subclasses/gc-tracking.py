# weakref subclass instances are GC-tracked (as refs are); a cycle through a subclass ref is collected
import gc, weakref
class Target:
    pass
class WithDict(weakref.ref):
    pass
class Slotted(weakref.ref):
    __slots__ = ("payload",)
t = Target()
w = WithDict(t)
s = Slotted(t)
print(gc.is_tracked(weakref.ref(t)), gc.is_tracked(w), gc.is_tracked(s))
gc.collect()
w.me = w
alive = weakref.ref(w)
del w
print(alive() is not None, gc.collect() > 0, alive())
x = Target()
s2 = Slotted(x)
x.back = s2
s2.payload = x
del x, s2
print(gc.collect() >= 2)
def cb(ref):
    print("callback", type(ref).__name__)
y = Target()
y.ref = WithDict(y, cb)
del y
print(gc.collect() >= 2)
