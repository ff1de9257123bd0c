# Repr's indent, subclasses with repr_<type> methods, and recursive_repr.
import reprlib

nested = [1, [2, [3, 4]], {'k': (5, 6)}]
print(reprlib.Repr(indent=2).repr(nested))
print(reprlib.Repr(indent='-->').repr({'a': 1, 'b': [1, 2]}))
print(reprlib.Repr(indent=4).repr([]), reprlib.Repr(indent=4).repr((1,)))
for bad in [-1, 1.5]:
    try:
        reprlib.Repr(indent=bad).repr([1])
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)

class MyRepr(reprlib.Repr):
    def repr_float(self, x, level):
        return 'float(%d)' % x
    def repr_MyList(self, x, level):
        return 'MyList(%d items)' % len(x)
class MyList(list):
    pass
m = MyRepr()
print(m.repr([1.5, 2.5]), m.repr(MyList([1, 2, 3])), m.repr({1: 2.75}))
class Broken:
    def __repr__(self):
        raise RuntimeError('no')
print(reprlib.repr(Broken()).startswith('<Broken instance at 0x'))

class Node:
    def __init__(self, name):
        self.name, self.children = name, []
    @reprlib.recursive_repr(fillvalue='<loop>')
    def __repr__(self):
        return 'Node(%s, %r)' % (self.name, self.children)
a, b = Node('a'), Node('b')
a.children.append(b)
b.children.append(a)
print(repr(a), Node.__repr__.__name__, Node.__repr__.__wrapped__.__qualname__)
