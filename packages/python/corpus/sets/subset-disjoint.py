# issubset, issuperset and isdisjoint with sets and other iterables.
s = {1, 2}
print(s.issubset([1, 2, 3]), s.issubset((1,)))
print(s.issuperset([1]), s.issuperset(range(5)))
print(s.isdisjoint([3, 4]), s.isdisjoint({2}), s.isdisjoint([]))
print(frozenset().issubset(set()), set().isdisjoint(set()))
print(frozenset([1, 2]).issuperset({1}))
try:
    s.issubset(3)
except TypeError as e:
    print("TypeError", e)
