# KeyedRef (what WeakValueDictionary stores) is a ref subclass remembering its key
import weakref
class Value:
    pass
v = Value()
d = weakref.WeakValueDictionary()
d["x"] = v
d["y"] = v
refs = d.valuerefs()
print(sorted(type(r).__name__ for r in refs), sorted(r.key for r in refs), [r() is v for r in refs])
print(isinstance(refs[0], weakref.ref), weakref.KeyedRef.__mro__[1] is weakref.ref)
print(weakref.getweakrefcount(v), sorted(getattr(r, "key", "-") for r in weakref.getweakrefs(v)))
k = weakref.KeyedRef(v, None, "manual")
print(k.key, k() is v, k.__callback__)
try:
    k.other = 1
except AttributeError as error:
    print(error)
del refs
del v
print(len(d), list(d.keys()), k(), k.key)
try:
    weakref.KeyedRef(Value(), None)
except TypeError as error:
    print(error)
