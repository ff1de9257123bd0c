# bisect_left and bisect_right on sorted lists with duplicates, at both ends
import bisect
data = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, bisect.bisect_left(data, x), bisect.bisect_right(data, x), bisect.bisect(data, x))
print(bisect.bisect_left([], 5), bisect.bisect_right([], 5))
