# a subclass of a ref subclass: MRO, inherited __init__, overridden __call__, isinstance checks
import weakref
class Target:
    pass
class Named(weakref.ref):
    def __init__(self, ob, callback=None, name="?"):
        super().__init__(ob, callback)
        self.name = name
class Defaulting(Named):
    def __call__(self):
        obj = super().__call__()
        return "default" if obj is None else obj
t = Target()
d = Defaulting(t, None, name="d")
print([c.__name__ for c in Defaulting.__mro__], d.name, d() is t, isinstance(d, weakref.ref))
print(issubclass(Defaulting, weakref.ReferenceType), callable(d), d.__callback__)
del t
print(d(), weakref.ref.__call__(d))
