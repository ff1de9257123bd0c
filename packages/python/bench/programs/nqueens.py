# N-queens by brute force over permutations (pyperformance's nqueens shape): a recursive
# permutations generator, generator expressions inside set() and a filtered list comprehension.
def permutations(items):
    if len(items) <= 1:
        yield tuple(items)
        return
    for index in range(len(items)):
        rest = items[:index] + items[index + 1 :]
        for tail in permutations(rest):
            yield (items[index],) + tail


def no_shared_diagonal(placement, columns):
    size = len(placement)
    return size == len(set(placement[i] + i for i in columns)) == len(
        set(placement[i] - i for i in columns)
    )


def solutions(size):
    columns = range(size)
    return [
        placement
        for placement in permutations(list(columns))
        if no_shared_diagonal(placement, columns)
    ]


found = solutions(7)
print(len(found), found[0], found[-1])
