# Each class owns a reference to its metaclass; classes with a metaclass are tracked, collected and finalized.
import gc, sys

class Meta(type):
    pass

base = sys.getrefcount(Meta)
class A(metaclass=Meta):
    pass
class B(A):
    pass
print("refs gained", sys.getrefcount(Meta) - base)
print("tracked", gc.is_tracked(A), gc.is_tracked(Meta))
print("referents include Meta", Meta in gc.get_referents(A))
print("referrers", sorted(r.__name__ for r in gc.get_referrers(Meta) if isinstance(r, type)))

gc.collect()
del A, B
print("collected", gc.collect() > 0)
print("refs back", sys.getrefcount(Meta) - base)

class Tracker(type):
    def __del__(cls):
        print("finalizing class", cls.__name__)

class T(metaclass=Tracker):
    pass
del T
print("after del T")
print("collected", gc.collect() > 0)

import weakref
class W(metaclass=Meta):
    pass
r = weakref.ref(W)
del W
gc.collect()
print("weakref dead", r() is None)
