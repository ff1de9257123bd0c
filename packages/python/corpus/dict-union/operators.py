# dict | dict and dict |= mapping-or-pairs, with CPython's errors and the shared values' refcounts
import sys
a = {'x': 1, 'y': 2}
b = {'y': 3, 'z': 4}
print(a | b, b | a, a)
c = dict(a)
alias = c
c |= b
print(c, c is alias)
c |= [('w', 0), ('x', 9)]
c |= {'q': 1}.items()
print(c)
print(a.__or__([1]), a.__ror__({'k': 0}), dict.__ror__(a, {'k': 1}))
for bad in ("a | [('k', 1)]", "c |= 5", "c |= [1]", "c |= [(1, 2, 3)]", "{} | 1"):
    try:
        exec(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
value = object()
before = sys.getrefcount(value)
merged = {'v': value} | {'w': value}
print(sys.getrefcount(value) - before, len(merged))
class Keys:
    def keys(self):
        return ['k']
    def __getitem__(self, key):
        return key * 2
f = {}
f |= Keys()
print(f)
try:
    {} | Keys()
except TypeError as e:
    print(e)
