# yield from works with any iterable: lists, ranges, strings, dicts, other generators.
def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], range(3), "ab", {"k": 1, "j": 2}, (9,))))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))


def tree(n, depth):
    yield n
    if depth > 0:
        yield from tree(n * 2, depth - 1)
        yield from tree(n * 2 + 1, depth - 1)


print(list(tree(1, 3)))
