# heapq.merge: lazily merges sorted inputs, stable, with key= and reverse=
import heapq
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge()), list(heapq.merge([], [1, 2], [])), list(heapq.merge('ace', 'bdf')))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
print(list(heapq.merge(['bb', 'a'], ['ccc', 'dd'], key=len, reverse=True)))
print(list(heapq.merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda t: t[0])))
logs1 = [(1, 'boot'), (5, 'login'), (9, 'logout')]
logs2 = [(2, 'cron'), (5, 'backup'), (7, 'alert')]
for stamp, event in heapq.merge(logs1, logs2):
    print(stamp, event)
merged = heapq.merge(iter([1, 3]), iter([2]))
print(type(merged).__name__, next(merged), list(merged))
