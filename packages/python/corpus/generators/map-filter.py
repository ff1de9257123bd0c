# map and filter compute lazily, item by item.
def double(x):
    print("double", x)
    return x * 2


m = map(double, [1, 2, 3])
print(type(m).__name__)
print(next(m))
print("between")
print(list(m))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(map(str, range(3))))


def is_even(x):
    print("test", x)
    return x % 2 == 0


f = filter(is_even, range(5))
print(type(f).__name__)
print(next(f))
print(list(f))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sum(map(len, ["ab", "c"])), list(filter(str.isdigit, "a1b2")))
try:
    map(len)
except TypeError as e:
    print(e)
