# binary operators: a subclass's overriding reflected method runs before the base's forward method
class Money(int):
    def __radd__(self, other):
        print("Money.radd", end=" ")
        return Money(int(self) + other)
    def __rsub__(self, other):
        print("Money.rsub", end=" ")
        return Money(other - int(self))
    def __repr__(self):
        return f"Money({int(self)})"
print(1 + Money(2), 10 - Money(3), Money(2) + 1, 3 * Money(2))
class Path(str):
    def __radd__(self, other):
        return Path(other + "/" + str(self))
print(repr("a" + Path("b")), repr(Path("b") + "a"))
class Base:
    def __add__(self, other):
        print("Base.add", end=" ")
        return NotImplemented
    def __lt__(self, other):
        print("Base.lt", end=" ")
        return NotImplemented
class Derived(Base):
    def __radd__(self, other):
        print("Derived.radd", end=" ")
        return "derived"
    def __gt__(self, other):
        print("Derived.gt", end=" ")
        return True
print(Base() + Derived(), Base() < Derived())
class Same(Base):
    pass
try:
    Base() + Same()
except TypeError as error:
    print(error)
