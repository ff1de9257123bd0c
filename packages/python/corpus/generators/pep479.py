# PEP 479: a StopIteration raised inside a generator becomes RuntimeError.
def leaky(items):
    it = iter(items)
    while True:
        yield next(it)


try:
    print(list(leaky([1, 2])))
except RuntimeError as e:
    print("RuntimeError:", e)


def explicit():
    yield 1
    raise StopIteration("boom")


g = explicit()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)


def safe(items):
    it = iter(items)
    while True:
        try:
            yield next(it)
        except StopIteration:
            return


print(list(safe([1, 2, 3])))
