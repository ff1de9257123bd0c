# How Repr picks repr_<type>: builtin names only for builtin types, spaces in type names.
import reprlib
from collections import deque

class list(list):
    pass
class dict(dict):
    pass
print(reprlib.repr(list(range(100)))[:40], reprlib.repr(dict(a=1)))
print(reprlib.repr(deque(range(10))), reprlib.repr(deque()))

class Shouty(reprlib.Repr):
    def repr_str(self, x, level):
        return x.upper()
    def repr_NoneType(self, x, level):
        return 'nothing'
    def repr_function(self, x, level):
        return 'fn ' + x.__name__
print(Shouty().repr(['a', None, len, print]), Shouty().repr({'k': 'v'}))
def sample():
    pass
print(Shouty().repr(sample), Shouty().repr(sample.__code__)[:6])
Spaced = type('has space', (), {'__repr__': lambda self: 'spaced!'})
class SpaceRepr(reprlib.Repr):
    def repr_has_space(self, x, level):
        return 'underscored'
print(SpaceRepr().repr(Spaced()), reprlib.repr(Spaced()))
