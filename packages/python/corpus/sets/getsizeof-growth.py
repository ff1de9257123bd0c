# A set's table grows at the same lengths as CPython's (sizes differ, growth points do not).
import sys

s = set()
last = sys.getsizeof(s)
for i in range(300):
    s.add(i)
    size = sys.getsizeof(s)
    if size != last:
        print("grew at", len(s))
        last = size
s.clear()
print(sys.getsizeof(s) == sys.getsizeof(set()))
