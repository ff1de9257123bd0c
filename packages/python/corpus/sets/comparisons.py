# Subset order comparisons between sets and frozensets; == with other types is False.
a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b > a, b >= a, a < a, a <= a)
print({1, 2} == frozenset({2, 1}), frozenset() == set())
print({1} == [1], {1} != (1,))
print({1, 2} < {1, 3}, {1, 2} > {1, 3}, {1, 2} == {1, 3})
try:
    print({1} < [1, 2])
except TypeError as e:
    print("TypeError", e)
