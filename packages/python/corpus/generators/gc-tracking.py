# Generators and iterators are GC-tracked containers; a range iterator is not.
import gc


def gen():
    yield 1


g = gen()
print(gc.is_tracked(g))
next(g)
print(gc.is_tracked(g))
for obj in [iter([]), iter(()), iter({}), enumerate([]), zip(), map(str, []), filter(None, [])]:
    print(type(obj).__name__, gc.is_tracked(obj))
print("range_iterator", gc.is_tracked(iter(range(3))))
it = iter([[1], [2]])
print(len(gc.get_referents(it)), gc.get_referents(it)[0])
e = enumerate(["x"])
print(type(gc.get_referents(e)[0]).__name__)
