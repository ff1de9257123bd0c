# sys.getsizeof on small objects (our layout differs from CPython's by design: see .pymem.expected).
import sys

print(sys.getsizeof(1))
print(sys.getsizeof(2.5))
print(sys.getsizeof(""))
print(sys.getsizeof("abc"))
print(sys.getsizeof([]))
print(sys.getsizeof(()))
print(sys.getsizeof({}))
print(sys.getsizeof([1, 2, 3]) > sys.getsizeof([]))
