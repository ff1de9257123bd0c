# groupby: runs of equal keys; groupers are invalidated when the groupby advances
from itertools import groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
for letter, group in groupby(sorted(words), key=lambda w: w[0]):
    print(letter, list(group))
it = groupby([1, 1, 2, 3, 3, 3])
k1, g1 = next(it)
k2, g2 = next(it)
print(k1, list(g1), k2, list(g2))
print([(k, len(list(g))) for k, g in groupby([1, 1, 1, 2, 2, 1])])
print(list(groupby([])))
def encode(text):
    return ''.join(str(len(list(g))) + k for k, g in groupby(text))
print(encode('WWWWBBBWWCC'))
