# union/intersection/difference/symmetric_difference accept any iterables, several at once.
s = {1, 2, 3}
print(s.union([3, 4], (5,), {6: 0}))
print(s.union())
print(s.intersection([2, 3, 4], range(3)))
print(s.intersection())
print(s.difference([1], (2,)))
print(s.difference({3: None}))
print(s.symmetric_difference([3, 4]))
f = frozenset([1, 2])
print(f.union([9]), f.intersection([2]), f.difference([1]), f.symmetric_difference([2, 3]))
print(s.copy(), s.copy() is s, f.copy() is f)
