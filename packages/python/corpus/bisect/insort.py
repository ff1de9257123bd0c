# insort keeps a list sorted; insort_left puts equal items before, insort_right after
import bisect
data = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(data, x)
print(data)
pairs = [(1, "a"), (3, "b")]
bisect.insort_left(pairs, (3, "a"))
bisect.insort_right(pairs, (1, "z"))
print(pairs)
bisect.insort(data, 0, 0, 3)
print(data)
