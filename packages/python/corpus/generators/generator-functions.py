# Generator functions with defaults, *args, **kwargs, closures, methods and recursion.
def repeat(value, times=2, *extra, **options):
    for _ in range(times):
        yield value
    yield from extra
    for key in options:
        yield key


print(list(repeat("x")), list(repeat("y", 1, "e1", "e2", k=1)))


def counter():
    count = 0

    def step():
        nonlocal count
        while True:
            count += 1
            yield count

    return step


step = counter()
a = step()
b = step()
print(next(a), next(b), next(a))


class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def walk(self):
        yield self.value
        for child in self.children:
            yield from child.walk()


tree = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(tree.walk()))


def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest


print(list(permutations([1, 2, 3])))
gen_lambda = lambda: (yield 1)
print(list(gen_lambda()))
