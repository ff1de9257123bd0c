# Arithmetic, comparisons and subscripts on int/float locals and literals: every operator in a
# chain (a + b * 2 - 1 << 1), floor division and modulo signs, results beyond 2**53, mixed types.
def chains(x, y):
    return [x + y * 2 - 1, (x + y) * (x + y + 1) // 2 + x + 1, x << 2 | 1, x >> 1 ^ y,
            x & 6 | y, x ** 2 + 1, x % 3 * y, x // 2 - y, x / 4 + y, x - y % 5]
for x, y in [(7, 2), (-7, 3), (2**52, 5), (9007199254740991, -2), (6, -4)]:
    print(chains(x, y))
def divisions(x, y):
    r = []
    for a, b in [(x, y), (-x, y), (x, -y), (-x, -y), (0, -y)]:
        r.append((a // b, a % b, a / b))
    return r
print(divisions(7, 2)); print(divisions(2**60, 3))
def mixed(i, f):
    n = 0
    for k in range(4):
        n += k * i; n -= 1; n *= 2
    g = f; g += i; g *= 0.5; g /= 2; g -= 1
    return [n, g, i + f, f - i, i * f, i / f, i < f, f <= i, i == 3.0, f != 2.5, -0.0 * i, 0 * -1]
print(mixed(3, 2.5)); print(mixed(2**70, float("nan")))
def subscripts(xs, t, i):
    out = [xs[0], xs[-1], xs[i], t[i], t[-3], xs[True]]
    for index in (3, -4):
        try: out.append(t[index])
        except IndexError as error: out.append(str(error))
    return out
print(subscripts([10, 20, 30], (1, 2, 3), 1))
for a, b in [(1, 0), (1.5, 0), (2, 0.0)]:
    for op in ("/", "//", "%"):
        try: print(eval(f"lambda a, b: a {op} b")(a, b))
        except ZeroDivisionError as error: print(type(error).__name__, error)
