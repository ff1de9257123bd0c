# The built-in iterators are real objects with CPython's type names; iter(it) is it.
for obj in [[1], (1,), "ab", "é", range(2), {"k": 1}, {"k": 1}.values(), {"k": 1}.items()]:
    it = iter(obj)
    print(type(it).__name__, iter(it) is it, next(it))


def gen():
    yield 1


g = gen()
print(type(g).__name__, iter(g) is g)
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(str, [])).__name__)
print(type(filter(None, [])).__name__, type(iter(int, 1)).__name__)
it = iter([1, 2])
print(it.__next__(), next(it))
try:
    it.__next__()
except StopIteration:
    print("StopIteration from __next__")
print(list(iter(iter(iter([5, 6])))))
