# Lookups cached on a subclass stay right when a base that was never looked up itself changes
# (pymem tags every class along the MRO when it caches a lookup, so changing a base reaches its
# subclasses), through diamonds, mixins and built-in bases.
class Left: pass
class Right:
    value = "right"
class Top(Left, Right): pass
class Bottom(Top): pass
b = Bottom()
print([b.value for _ in range(2)])
Left.value = "left"
print([b.value for _ in range(2)], Bottom.value)
del Left.value
print(b.value)
Right.value = "right again"
print(b.value, Top().value)
class Counter(dict): pass
class Named(Counter): pass
n = Named(a=1)
print(n.get("a"), n.get("z", 0))
Counter.get = lambda self, key, default=None: ("patched", key)
print(n.get("a"))
del Counter.get
print(n.get("a"))
class Mixin: pass
def make(i):
    class Leaf(Mixin): pass
    return Leaf()
leaves = [make(i) for i in range(3)]
print([getattr(leaf, "tag", None) for leaf in leaves])
Mixin.tag = "set"
print([leaf.tag for leaf in leaves])
