# indexing, slicing, slice assignment and deletion, concatenation, repetition, comparisons
from array import array
a = array('i', range(10))
print(a[0], a[-1], a[2:5], a[::-3], 3 in a, 42 in a)
a[2:5] = array('i', [9])
print(a)
a[::2] = array('i', [0] * 4)
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
a += array('i', [7])
a *= 2
print(a, a + array('i', [1]), a * 2 == 2 * a, a * -1)
b = array('h', [1, 2, 3])
print(b == array('b', [1, 2, 3]), b < array('i', [1, 2, 4]), b == [1, 2, 3], b != [1], array('f', [0.1]) == array('d', [0.1]))
print(array('d', [1.0, 2.0]) > array('d', [1.0]), array('w', 'abc') < array('w', 'abd'))
b[0] = 9
b[-1] = -9
print(b, list(reversed(b)), sorted(b), max(b), sum(b))
