# type.__dict__ is a live, read-only mappingproxy.
import types
class C:
    x = 1
d = C.__dict__
print(type(d), type(d) is types.MappingProxyType, d["x"], "x" in d, isinstance(d, dict))
C.y = 2
print(d["y"], len(d) == len(C.__dict__), sorted(k for k in d if not k.startswith("__")))
try:
    d["z"] = 3
except TypeError as e:
    print(e)
try:
    del d["x"]
except TypeError as e:
    print(e)
print(type(int.__dict__).__name__, repr(types.MappingProxyType({"a": 1})))
print(vars(C)["x"], dict(d)["y"], d.get("q", 5), list(d.keys()) == list(C.__dict__))
print(types.MappingProxyType({"a": 1}) | {"b": 2}, str(types.MappingProxyType({"k": 1})))
try:
    types.MappingProxyType([1])
except TypeError as e:
    print(e)
