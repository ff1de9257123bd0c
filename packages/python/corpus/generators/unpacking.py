# Unpacking pulls exactly as many items as targets, then checks for more.
def three():
    print("yield 1")
    yield 1
    print("yield 2")
    yield 2
    print("yield 3")
    yield 3
    print("done")


a, b, c = three()
print(a, b, c)
try:
    x, y = three()
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r, s = three()
except ValueError as e:
    print("ValueError:", e)
(m, n), o = iter([iter("ab"), 5])
print(m, n, o)
print(*three())
print([*three(), 0])
