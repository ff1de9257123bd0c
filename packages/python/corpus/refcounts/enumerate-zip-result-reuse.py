# enumerate and zip refill their own result tuple when nothing else holds it (CPython: en_result, zip result)
import gc, sys
e = enumerate("abc")
print([type(r).__name__ for r in gc.get_referents(e)])
kept = []
for i, c in e:
    print(i, c)
t = next(enumerate("xy"))
e = enumerate([[1], [2], [3]], 5)
first = next(e)
second = next(e)
print(first, second, first is second, sys.getrefcount(first))
del first, second
third = next(e); print(third, sys.getrefcount(third))
z = zip([1, 2, 3], "abc")
a = next(z); print(a, sys.getrefcount(a)); del a
b = next(z); print(b, gc.is_tracked(b)); del b
gc.collect()
c = next(z); print(c, gc.is_tracked(c))
print([r for r in gc.get_referents(z) if type(r) is tuple][1:])
print(next(z, "end"), list(zip()), list(zip("ab", "c")))
try: list(zip("ab", "c", strict=True))
except ValueError as err: print(err)
pairs = [p for p in enumerate("ab")]; print(pairs)
for i, (x, y) in enumerate(zip("ab", "cd")): print(i, x, y)
