# A class's __qualname__ (nested, local, assigned) is kept by the type, not in its dict, and
# the reprs of classes, instances and bound methods show it, as CPython 3.13's do.
import re


def clean(text):
    return re.sub(r" at 0x[0-9a-f]+", "", text)


class Outer:
    class Inner:
        def method(self):
            return 1

    def greet(self):
        return "hi"


class Child(Outer):
    pass


def factory():
    class Local:
        pass
    return Local


print(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.__name__)
print(clean(repr(Outer.Inner())))
print(clean(repr(Outer.Inner().method)))
print(clean(repr(Child().greet)))
Local = factory()
print(Local, Local.__qualname__)
print("__qualname__" in Outer.__dict__, "__qualname__" in Outer.Inner.__dict__)
Child.__qualname__ = "Renamed.Child"
print(Child, Child.__name__, "__qualname__" in Child.__dict__)
Made = type("Made", (), {"__qualname__": "Somewhere.Made"})
print(Made, clean(repr(Made())), "__qualname__" in Made.__dict__)
for bad in (lambda: setattr(Child, "__qualname__", 3), lambda: delattr(Child, "__qualname__"),
            lambda: type("X", (), {"__qualname__": 3})):
    try:
        bad()
    except TypeError as error:
        print(error)
