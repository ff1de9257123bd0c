# dir() through the __dir__ protocol: an instance's class, a class's metaclass and a module (its
# own __dir__ function, PEP 562) say which names; dir() makes a sorted list of whatever iterable
# they return. object.__dir__ lists the instance dict, then the class's and the bases' dicts
# (unsorted, in that order); type.__dir__ a class's and its bases'.
import types


def public(names):
    return [n for n in names if not n.startswith("__")]


Listed = type("Listed", (), {"__dir__": lambda self: ["zeta", "beta", "alpha"]})
AsTuple = type("AsTuple", (), {"__dir__": lambda self: ("y", "x")})
AsDict = type("AsDict", (), {"__dir__": lambda self: {"k": 1, "j": 2}})
AsIterator = type("AsIterator", (), {"__dir__": lambda self: iter(["c", "a", "b"])})
NotIterable = type("NotIterable", (), {"__dir__": lambda self: 5})
Mixed = type("Mixed", (), {"__dir__": lambda self: ["b", 1]})
for obj in [Listed(), AsTuple(), AsDict(), AsIterator()]:
    names = dir(obj)
    print(type(obj).__name__, type(names).__name__, names)
for obj in [NotIterable(), Mixed()]:
    try:
        dir(obj)
    except TypeError as error:
        print(type(obj).__name__, "TypeError:", error)


class Meta(type):
    def __dir__(cls):
        return ["m2", "m1", cls.__name__]


class WithMeta(metaclass=Meta):
    attribute = 1


print(dir(WithMeta), public(dir(WithMeta())))

module = types.ModuleType("example")
module.value = 1
print(public(dir(module)))
module.__dir__ = lambda: ["q", "p"]
print(dir(module), type(module).__dir__(module))


class Base:
    inherited = 1

    def method(self):
        pass


class Point(Base):
    z = 0

    def __init__(self):
        self.y = 2
        self.x = 1


point = Point()
print(public(object.__dir__(point)))
print(public(type.__dir__(Point)))
print(public(dir(point)), public(dir(Point)))
print(type(object.__dir__(point)).__name__, dir(point) == sorted(object.__dir__(point)))
print(dir(Point) == sorted(type.__dir__(Point)))


def scope():
    b = 1
    a = 2
    return dir()


print(scope())
try:
    dir(1, 2)
except TypeError as error:
    print(error)
