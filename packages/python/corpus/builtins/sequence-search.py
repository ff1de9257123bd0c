# tuple.index/count, list.index(x, start, stop), range.index/count and range's members, dict.popitem.
print((1, 2, 1).count(1), (1, 2, 3).index(2), (1, 2, 3, 2).index(2, 2), [1, 2, 3, 1].index(1, -2))
print([1, 2].index(2, 0, 10**30), [5, 6, 7].index(7, -1), (1, 2, 3).index(3, 1, 3))
d = {"a": 1, "b": 2}
print(d.popitem(), d)
print(d.popitem(), d)
try:
    d.popitem()
except KeyError as error:
    print(repr(error))
big = {i: i for i in range(2000)}
while big:
    last = big.popitem()
print(last, big)
big["x"] = 1
big["y"] = 2
print(big, list(big))
r = range(1, 9, 2)
print(r.start, r.stop, r.step, r.count(3), r.count(4), r.index(7), r.count(3.0), r.index(3.0))
print(range(-5, 5, 3).index(-2), range(10, 0, -3).index(4), range(5).count(True))
for bad in [lambda: (1,).index(2), lambda: range(3).index(5), lambda: range(3).index("a"),
            lambda: [1].index(1, None), lambda: [1].index(3), lambda: (1,).index(1, "a"),
            lambda: range(3).count(), lambda: [1, 2].index(1, 1)]:
    try:
        bad()
    except Exception as error:
        print(type(error).__name__, error)


class Clearing:
    def __eq__(self, other):
        shared.clear()
        return False


shared = [1, 2, 3]
print(shared.count(Clearing()), shared)
shared = [1, 2, 3]
try:
    shared.index(Clearing())
except ValueError as error:
    print("ValueError", shared)
