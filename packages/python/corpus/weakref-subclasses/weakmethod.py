# WeakMethod is a weakref.ref subclass: equality, hashing, death of the object or the function
import gc, weakref
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
        return self.n
c = Counter()
died = []
wm = weakref.WeakMethod(c.bump, lambda ref: died.append(type(ref).__name__))
print(isinstance(wm, weakref.ref), issubclass(weakref.WeakMethod, weakref.ReferenceType))
print(wm()(), wm()(), wm() == c.bump, wm == weakref.WeakMethod(c.bump), wm != weakref.WeakMethod(c.bump))
print(hash(wm) == hash(weakref.WeakMethod(c.bump)), wm in {weakref.WeakMethod(c.bump)})
print(weakref.getweakrefcount(c), type(weakref.getweakrefs(c)[-1]).__name__)
try:
    weakref.WeakMethod(len)
except TypeError as error:
    print(error)
try:
    wm.extra = 1
except AttributeError as error:
    print("no dict")
del c
print(wm(), died, wm == wm)
class K:
    def f(self):
        pass
k = K()
other = weakref.WeakMethod(k.f)
print(other == weakref.WeakMethod(k.f), gc.is_tracked(other))
