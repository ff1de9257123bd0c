# __del__ is looked up on the class: inherited, overridden, and chained to the base explicitly.
class Base:
    def __del__(self):
        print("Base.__del__ for", type(self).__name__)


class Child(Base):
    pass


class Override(Base):
    def __del__(self):
        print("Override.__del__")
        Base.__del__(self)


class WithAttribute:
    pass


Child()
Override()
w = WithAttribute()
w.__del__ = "not a finalizer"
del w
print("instance attribute named __del__ is not a finalizer")
