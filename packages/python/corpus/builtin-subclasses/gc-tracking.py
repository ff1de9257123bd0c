# which subclass instances the collector tracks: dict/list/set subclasses always, int/str ones with a __dict__
import gc
class L(list): pass
class D(dict): pass
class I(int): pass
class S(str): pass
class F(float): pass
class T(tuple): __slots__ = ()
class SlotInt(int): __slots__ = ()
print(gc.is_tracked(L()), gc.is_tracked(D()), gc.is_tracked(D(a=1)))
print(gc.is_tracked(I(3)), gc.is_tracked(S("x")), gc.is_tracked(F(1.5)))
print(gc.is_tracked(T((1, 2))), gc.is_tracked(SlotInt(3)))
print(gc.is_tracked(3), gc.is_tracked("x"), gc.is_tracked({}), gc.is_tracked([]))
i = I(5)
i.ref = i
del i
print("collected", gc.collect() >= 1)
