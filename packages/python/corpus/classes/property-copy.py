# getter/setter/deleter return a new property; __set_name__ gives each its attribute name
class Box:
    def read(self):
        return self._v
    def write(self, v):
        self._v = v * 2
    value = property(read)
    writable = value.setter(write)
b = Box()
b.writable = 5
print(b.value, b.writable)
print(Box.value is Box.writable, Box.value.fget is Box.writable.fget)
print(Box.value.fset, Box.writable.fset is Box.write)
print(Box.value.__name__, Box.writable.__name__)
try:
    b.value = 1
except AttributeError as e:
    print(e)
g = Box.writable.getter(Box.write)
print(g.fget is Box.write, g.fset is Box.write, g.__name__)
