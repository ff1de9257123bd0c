# namedtuple errors: bad field names, wrong argument counts
from collections import namedtuple
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as error:
        print(label, type(error).__name__ + ':', error)
P = namedtuple('P', 'x y')
D = namedtuple('D', 'a b c', defaults=(2, 3))
attempt('missing', lambda: P(1))
attempt('missing two', lambda: P())
attempt('too many', lambda: P(1, 2, 3))
attempt('defaults too many', lambda: D(1, 2, 3, 4))
attempt('unexpected', lambda: P(1, 2, z=3))
attempt('keyword field', lambda: namedtuple('X', 'a class'))
attempt('underscore', lambda: namedtuple('X', 'a _b'))
attempt('duplicate', lambda: namedtuple('X', 'a a'))
attempt('bad name', lambda: namedtuple('X', 'a 1b'))
attempt('replace bad', lambda: P(1, 2)._replace(z=1))
attempt('make short', lambda: P._make([1]))
