# product, permutations, combinations, combinations_with_replacement in CPython's order
from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product('ab', range(2))))
print(list(product([0, 1], repeat=3)))
print(list(product()), list(product('ab', [])))
print(list(permutations('abc')))
print(list(permutations(range(4), 2)))
print(list(permutations('ab', 3)), list(permutations('ab', 0)))
print(list(combinations('abcd', 2)), list(combinations('abc', 4)))
print(list(combinations_with_replacement('abc', 2)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
print(sum(1 for p in product(range(3), repeat=4) if sum(p) == 4))
