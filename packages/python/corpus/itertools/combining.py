# chain, chain.from_iterable, zip_longest, pairwise, batched, starmap, accumulate
from itertools import chain, zip_longest, pairwise, batched, starmap, accumulate
import operator
print(list(chain('ab', [1, 2], (3,))), list(chain()), list(chain.from_iterable(['xy', [0]])))
print(list(zip_longest('abc', 'x')), list(zip_longest([1, 2], [3], [4, 5, 6], fillvalue=0)))
print(list(pairwise([1, 2, 4, 7])), list(pairwise('a')))
print(list(batched(range(7), 3)), list(batched('ab', 5)))
print(list(starmap(operator.mul, [(2, 3), (4, 5)])), list(starmap(max, [[1, 5, 2]])))
print(list(accumulate([3, 1, 4, 1, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([], initial=5)))
print(list(accumulate('abc')))
