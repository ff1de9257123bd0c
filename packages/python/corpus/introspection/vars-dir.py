# vars() and dir(): an instance's __dict__, the attribute names of objects, classes and modules
import gc
class Base:
    base_attr = 1
    def method(self):
        pass
class Child(Base):
    child_attr = 2
c = Child()
c.own = 3
print(vars(c), vars(c) is c.__dict__)
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print("collect" in dir(gc), "enable" in dir(gc))
def f():
    x = 1
    y = 2
    return dir()
print(f())
try:
    vars(5)
except TypeError as e:
    print(e)
