# next(iterator, default) returns the default when the iterator is exhausted.
it = iter([1])
print(next(it, "none"))
print(next(it, "none"))
print(next(it, None))


def gen():
    yield "only"
    return "ignored by next with a default"


g = gen()
print(next(g, "d"), next(g, "d"), next(g, "d"))
try:
    next([1, 2])
except TypeError as e:
    print(e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
