# set(s) and s.copy() presize once, so they can be smaller than a set built by add().
import sys

s = set()
for i in range(5):
    s.add(i)
print(sys.getsizeof(set(s)) < sys.getsizeof(s))
print(sys.getsizeof(s.copy()) == sys.getsizeof(set(s)))
print(sys.getsizeof({1, 2, 3, 4, 5}) < sys.getsizeof(s))
print(sys.getsizeof({1, 2, 3}) == sys.getsizeof(set()))
big = set(range(100))
big -= set(range(95))
print(sys.getsizeof(big) == sys.getsizeof(set(range(100))))
print(sys.getsizeof(frozenset()) == sys.getsizeof(set()))
