# recursive_repr on self-containing containers, default fill value, and separate objects.
import reprlib

class Bag(list):
    @reprlib.recursive_repr()
    def __repr__(self):
        return '<' + '|'.join(map(repr, self)) + '>'
b = Bag([1, 2])
b.append(b)
print(repr(b), str(b))
c = Bag([b, Bag([3])])
print(repr(c))

class Pair:
    def __init__(self):
        self.other = None
    @reprlib.recursive_repr('*')
    def __repr__(self):
        return 'Pair(%r)' % (self.other,)
x, y = Pair(), Pair()
x.other, y.other = y, x
print(repr(x), repr(y))
x.other = 5
print(repr(x), repr(y))
print(Pair.__repr__.__doc__, Pair.__repr__.__module__)

class Failing:
    @reprlib.recursive_repr()
    def __repr__(self):
        raise ValueError('inside repr')
f = Failing()
for attempt in range(2):
    try:
        repr(f)
    except ValueError as error:
        print('ValueError', error)
