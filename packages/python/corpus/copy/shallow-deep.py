# shallow copies share nested objects; deep copies do not
import copy
original = {'name': 'grid', 'rows': [[0, 0], [0, 0]], 'tags': ('a', ['b'])}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original['rows'][0][0] = 1
original['tags'][1].append('c')
print(shallow)
print(deep)
print(shallow['rows'] is original['rows'], deep['rows'] is original['rows'])
print(copy.copy([1, 2]) == [1, 2], copy.copy((1, 2)) is not None, copy.copy({1, 2}))
t = (1, 'a', (2, 3))
print(copy.deepcopy(t) is t, copy.copy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
print(copy.deepcopy(42), copy.deepcopy('s'), copy.deepcopy(None), copy.deepcopy(len) is len)
print(copy.copy(int) is int, copy.deepcopy(range(3)))
