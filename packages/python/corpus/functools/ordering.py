# total_ordering fills in comparisons; cmp_to_key sorts with an old-style comparison
from functools import total_ordering, cmp_to_key
@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split('.'))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return 'Version(' + '.'.join(str(p) for p in self.parts) + ')'
a, b = Version('1.2.0'), Version('1.10.1')
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([Version('2.0'), Version('1.9.9'), Version('1.10')]), max(a, b))
@total_ordering
class Desc:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
print(Desc(1) < Desc(2), Desc(1) >= Desc(1), Desc(3) <= Desc(2))
def by_length_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)
print(sorted(['pear', 'fig', 'apple', 'kiwi', 'date'], key=cmp_to_key(by_length_then_alpha)))
try:
    total_ordering(type('Empty', (), {}))
except ValueError as error:
    print('ValueError:', error)
