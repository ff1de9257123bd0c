"""Microbenchmark for Python's sequence unpacking (pyperformance style, smaller)."""


def do_unpacking(loops, to_unpack):
    s = 0
    for _ in range(loops):
        # 40 unpackings per loop, like the original (which has 400)
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += a + j
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += b + i
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += c + h
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += d + g
    return s


def bench_tuple_unpacking(loops):
    x = tuple(range(10))
    return do_unpacking(loops, x)


def bench_list_unpacking(loops):
    x = list(range(10))
    return do_unpacking(loops, x)


def bench_all(loops):
    return bench_tuple_unpacking(loops) + bench_list_unpacking(loops)


if __name__ == "__main__":
    benchmarks = {"tuple": bench_tuple_unpacking, "list": bench_list_unpacking}
    for name, func in sorted(benchmarks.items()):
        print(name, func(500))
    print("all", bench_all(250))
