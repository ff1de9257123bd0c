# MappingProxyType is a read-only view; new_class builds classes through their metaclass.
import types

backing = {"a": 1, "b": 2}
proxy = types.MappingProxyType(backing)
print(proxy, repr(proxy), proxy["a"], len(proxy), list(proxy), "a" in proxy, proxy.get("z", 0))
try:
    proxy["a"] = 3
except TypeError as error:
    print(error)
backing["c"] = 3
print(proxy | {"d": 4}, proxy.copy(), type(proxy).__name__)
Point = types.new_class("Point", (object,), exec_body=lambda ns: ns.update(x=1))
print(Point, Point.x, Point.__name__)


class Meta(type):
    @classmethod
    def __prepare__(metaclass, name, bases, **keywords):
        print("prepare", name, keywords)
        return {}

    def __new__(metaclass, name, bases, namespace, **keywords):
        return super().__new__(metaclass, name, bases, namespace)


Made = types.new_class("Made", (), {"metaclass": Meta, "flag": True})
print(type(Made).__name__, types.prepare_class("Z")[0], types.resolve_bases((int,)))
print(types.get_original_bases(Point))
