# iter() of a set or frozenset is a set_iterator: lazy, GC-tracked, size-checked.
import gc
s = {3, 1, 2}
it = iter(s)
print(type(it).__name__, gc.is_tracked(it))
print(sorted(it), list(it))
print(sum(x * x for x in s), any(x > 2 for x in frozenset(s)))
print(sorted(map(str, s)), sorted(zip(sorted(s), "abc")))
try:
    for x in s:
        s.discard(x)
except RuntimeError as error:
    print(error)
print(dict.fromkeys(sorted({"b", "a"}), 0))
print(dict.fromkeys("xy"), {}.fromkeys([1]))
