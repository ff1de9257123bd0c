# the lo and hi bounds, by position and by name, and hi=None
import bisect
data = list(range(0, 20, 2))
print(bisect.bisect_left(data, 7, 2), bisect.bisect_right(data, 7, 0, 3))
print(bisect.bisect_left(data, 7, lo=5), bisect.bisect_right(data, 100, hi=4))
print(bisect.bisect(data, 7, 0, None), bisect.bisect_left(data, -1, 3, 3))
print(bisect.bisect_right(data, 7, 8, 2))
