# bool() and len() of sets and frozensets.
print(bool(set()), bool({0}), len(set()), len({1, 2, 2}))
print(bool(frozenset()), len(frozenset(range(7))))
s = {1}
if s:
    print("non-empty")
s.pop()
if not s:
    print("empty")
print(max({3, 9, 1}), min(frozenset([4, 2])), sum({1, 2, 3}))
