# Sequence unpacking: tuple and list targets of ten names, unpacked over and over in a loop
# (pyperformance's unpack_sequence shape), plus starred targets and swaps.
def unpack_tuples(rounds):
    values = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        total += a + j
    return total


def unpack_lists(rounds):
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    total = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        a, b, c, d, e, f, g, h, i, j = values
        total += b + i
    return total


def starred_and_swaps(rounds):
    values = [1, 2, 3, 4, 5, 6]
    total = 0
    x, y = 1, 2
    for _ in range(rounds):
        first, *middle, last = values
        x, y = y, x
        head, (p, q) = first, (last, len(middle))
        total += head + p + q + x
    return total


print(unpack_tuples(60000), unpack_lists(60000), starred_and_swaps(40000))
