# a bound classmethod holds the class; classmethod and staticmethod objects are GC-tracked
import gc
import sys
class K:
    def make(cls):
        return cls
    make = classmethod(make)
    def plain():
        return 0
    plain = staticmethod(plain)
base = sys.getrefcount(K)
bound = K.make
print(sys.getrefcount(K) - base)
del bound
print(sys.getrefcount(K) - base)
cm = K.__dict__["make"]
sm = K.__dict__["plain"]
print(gc.is_tracked(cm), gc.is_tracked(sm))
print(gc.get_referents(cm)[0] is cm.__func__, gc.get_referents(sm)[0] is sm.__func__)
fn = sm.__func__
before = sys.getrefcount(fn)
wrapped = staticmethod(fn)
print(sys.getrefcount(fn) - before)
del wrapped
print(sys.getrefcount(fn) - before)
