# __lt__/__eq__ results that are not bools come back as they are; truth tests convert them
class V:
    def __init__(self, x):
        self.x = x
    def __lt__(self, other):
        return ['lt', self.x, other.x] if self.x < other.x else []
    def __eq__(self, other):
        return ('eq', self.x == other.x)
    def __repr__(self):
        return f'V({self.x})'

a, b = V(1), V(2)
print(a < b, b < a, a == b, a != b, b > a)
print(a < b and 'yes', b < a or 'empty', not (b < a))
if a < b:
    print('a non-empty list is true')
print(sorted([V(3), V(1), V(2)], key=lambda v: v.x), a in [b, a])

class Maybe:
    def __eq__(self, other):
        return 'maybe'
print(Maybe() == 1, 1 == Maybe(), Maybe() != 1)

class Arr:
    def __init__(self, values):
        self.values = values
    def __eq__(self, other):
        return Arr([v == other for v in self.values])
    def __gt__(self, other):
        return Arr([v > other for v in self.values])
    def __repr__(self):
        return f'Arr({self.values})'
print(Arr([1, 2, 1]) == 1, Arr([1, 5]) > 2, 2 < Arr([1, 5]))
