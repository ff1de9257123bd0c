# A property subclass overriding __get__ and __set__, with extra attributes and super() calls
class logged(property):
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        super().__init__(fget, fset, fdel, doc)
        self.reads = 0
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        self.reads += 1
        return ('got', super().__get__(obj, objtype))
    def __set__(self, obj, value):
        print('setting', value)
        super().__set__(obj, value * 2)

class Box:
    def __init__(self):
        self._v = 1
    @logged
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value

b = Box()
print(b.v)
b.v = 5
print(b.v, b._v)
prop = Box.__dict__['v']
print(type(prop).__name__, prop.reads, isinstance(prop, property))
print(type(prop).__mro__)
print(prop.fget.__name__, prop.fset.__name__, prop.fdel)
try:
    del b.v
except AttributeError as e:
    print(e)
print(Box.v is prop, vars(prop) == {'__doc__': None, 'reads': 2})
