# type(name, bases, dict) builds a class like a class statement does
def greet(self):
    return "hi from " + type(self).__name__
Base = type("Base", (), {"greet": greet, "kind": "base"})
Derived = type("Derived", (Base,), {"kind": "derived"})
d = Derived()
print(Base.__name__, Derived.__name__, d.greet(), d.kind, Base.kind)
print([c.__name__ for c in Derived.__mro__], isinstance(d, Base))
print(type(d) is Derived, type(Derived).__name__)
try:
    type("X", Base, {})
except TypeError as e:
    print(e)
try:
    type("X", (), {}, 1)
except TypeError as e:
    print(e)
