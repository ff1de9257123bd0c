# + - * / ** between complexes, ints and floats, as CPython computes them.
a = 1 + 2j
b = 3 - 4j
print(a + b, a - b, a * b, a / b)
print(a + 1, 2 - a, a * 2.5, 1 / (1 + 1j))
print(a ** 2, (2j) ** -2, a ** 0.5, 2 ** 0.5j, (1 + 1j) ** 0)
print(-a, +a, abs(3 + 4j), abs(-2j))
print((1 + 2j) * (3 - 1j), 1j * 1j)
