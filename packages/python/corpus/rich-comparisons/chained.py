# A chained comparison returns the first false link's result, else the last link's
class V:
    def __init__(self, x):
        self.x = x
    def __lt__(self, other):
        return ['lt', self.x, other.x] if self.x < other.x else []

a, b, c = V(1), V(2), V(3)
print(a < b < c)
print(b < a < c)
print(a < b < a)
print(1 < 2 < 3, 3 < 2 < 1, 1 < 2 > 0, a is a in [a])

class Explodes:
    def __eq__(self, other):
        raise ValueError('boom')
try:
    print(Explodes() == 1 == 2)
except ValueError as e:
    print('ValueError', e)

class NoBool:
    def __lt__(self, other):
        return self
    def __bool__(self):
        raise TypeError('no truth value')
n = NoBool()
print(type(n < 1).__name__)
try:
    n < 1 < 2
except TypeError as e:
    print('TypeError', e)
try:
    if n < 1:
        pass
except TypeError as e:
    print('TypeError', e)
