# An exhausted iterator stays exhausted and drops its sequence; a list iterator sees appends.
items = [1, 2]
it = iter(items)
print(next(it))
items.append(3)
print(list(it))
items.append(4)
print(list(it))

import sys

data = [object()]
before = sys.getrefcount(data)
it = iter(data)
print(sys.getrefcount(data) - before)
list(it)
print(sys.getrefcount(data) - before)


def gen():
    yield 1


g = gen()
print(list(g), list(g), next(g, "empty"))
