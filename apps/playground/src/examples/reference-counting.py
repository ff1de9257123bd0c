# Every object carries a reference count: how many references point at it.
# sys.getrefcount(x) reports one more, for the reference held by its own argument.
import sys

a = []
print("a new list:", sys.getrefcount(a))
b = a
print("after b = a:", sys.getrefcount(a))
pair = [a, a]
print("held twice by another list:", sys.getrefcount(a))
del b
print("after del b:", sys.getrefcount(a))
pair.clear()
print("after pair.clear():", sys.getrefcount(a))
print("small ints are immortal:", sys.getrefcount(7) > 1000000)
