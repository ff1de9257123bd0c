# reading a property calls its getter once per read; bound classmethods hold the class
import sys
class Counter:
    reads = 0
    def get(self):
        Counter.reads += 1
        return self
    me = property(get)
    def cm(cls):
        return cls
    cm = classmethod(cm)
c = Counter()
base = sys.getrefcount(c)
x = c.me
y = c.me
print(Counter.reads, sys.getrefcount(c) - base)
del x, y
print(sys.getrefcount(c) - base)
k = sys.getrefcount(Counter)
m = c.cm
print(sys.getrefcount(Counter) - k)
del m
print(sys.getrefcount(Counter) - k)
