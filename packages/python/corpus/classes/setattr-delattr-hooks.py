# __setattr__ and __delattr__ intercept every store and delete, including those in __init__
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError("frozen: cannot set " + name)
    def __delattr__(self, name):
        raise AttributeError("frozen: cannot delete " + name)
f = Frozen(1)
print(f.x)
try:
    f.x = 2
except AttributeError as e:
    print(e)
try:
    del f.x
except AttributeError as e:
    print(e)
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
g = Logged()
g.a = 1
setattr(g, "b", 2)
del g.a
print(g.__dict__)
