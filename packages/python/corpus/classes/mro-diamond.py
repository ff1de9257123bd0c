# multiple inheritance: the C3 linearization decides which base's method wins
class Base:
    def who(self):
        return "Base"
class Left(Base):
    def who(self):
        return "Left"
class Right(Base):
    def who(self):
        return "Right"
    def only_right(self):
        return "only Right"
class Child(Left, Right):
    pass
class Other(Right, Left):
    pass
print([c.__name__ for c in Child.__mro__])
print([c.__name__ for c in Other.__mro__])
c = Child()
print(c.who(), c.only_right(), Other().who())
print([b.__name__ for b in Child.__bases__], Child.__base__.__name__)
print(isinstance(c, Right), issubclass(Child, (int, Right)), isinstance(c, (str, int)))
print(issubclass(Left, Right), issubclass(Child, Base), issubclass(Child, object))
