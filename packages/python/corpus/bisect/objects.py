# bisect keeps references right: the list and its items survive, the key's results are dropped
import bisect
import sys
data = [[1], [2], [3]]
probe = [2]
print(bisect.bisect(data, probe), sys.getrefcount(probe), sys.getrefcount(data[1]))
bisect.insort(data, probe)
print(data, sys.getrefcount(probe))
print(bisect.bisect(data, [2], key=lambda item: item))
