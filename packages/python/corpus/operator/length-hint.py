# operator.length_hint: len() first, then the built-in iterators' __length_hint__, then default
import operator as op
for make in [lambda: iter([1, 2, 3]), lambda: iter((1, 2)), lambda: iter(range(0, 10, 3)),
             lambda: reversed([1, 2, 3]), lambda: iter('héllo'), lambda: iter('abc')]:
    it = make()
    before = op.length_hint(it)
    next(it)
    print(type(it).__name__, before, op.length_hint(it), it.__length_hint__())
it = iter([1])
print(list(it), op.length_hint(it), op.length_hint([1, 2]), op.length_hint(object(), 7))
items = [1, 2, 3]
it = iter(items)
items.clear()
print(op.length_hint(it))
class Hinted:
    def __length_hint__(self):
        return 4
print(op.length_hint(Hinted()), op.length_hint(iter(range(10**3))))
