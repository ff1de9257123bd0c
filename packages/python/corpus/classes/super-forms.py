# super(C, obj), super() in classmethods, and the super object's own attributes
class Base:
    def hello(self):
        return "Base.hello"
    def make(cls):
        return "Base.make for " + cls.__name__
    make = classmethod(make)
class Sub(Base):
    def hello(self):
        return "Sub+" + super(Sub, self).hello()
    def make(cls):
        return "Sub+" + super().make()
    make = classmethod(make)
s = Sub()
print(s.hello(), Sub.make(), s.make())
sup = super(Sub, s)
print(type(sup).__name__, sup.__thisclass__.__name__, sup.__self__ is s, sup.__self_class__.__name__)
print(sup.hello())
bound = super()
