# SimpleNamespace: attributes from keywords, a mapping or pairs; repr, equality, pprint.
import pprint
import types

ns = types.SimpleNamespace(b=2, a=1)
print(ns, ns.a, ns == types.SimpleNamespace(b=2, a=1), ns == types.SimpleNamespace(a=1))
ns.c = [ns]
print(ns)
del ns.c
print(types.SimpleNamespace({"x": 1}, y=2), types.SimpleNamespace([("k", "v")]))
try:
    types.SimpleNamespace({1: 2})
except TypeError as error:
    print(error)
print(type(ns).__hash__, types.SimpleNamespace)


class Config(types.SimpleNamespace):
    pass


print(Config(debug=True), isinstance(Config(), types.SimpleNamespace))
pprint.pprint(types.SimpleNamespace(alpha=list(range(12)), beta="text " * 8), width=40)
