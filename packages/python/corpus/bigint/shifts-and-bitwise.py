# << >> & | ^ ~ on big and negative ints (two's complement semantics, infinite sign bits).
x = 2**100 + 2**50 + 1
for y in [x, -x, 5, -5, 2**64 - 1, -(2**64)]:
    print(x & y, x | y, x ^ y, ~y)
print(1 << 100, -1 << 100, (1 << 100) >> 99, -5 >> 200, 5 >> 200, x >> 1000)
print((-x) >> 3, (-x) >> 101, 3 << 0, 0 << 10**6)
for bad in [-1, -(2**70)]:
    try:
        print(1 << bad)
    except ValueError as e:
        print("ValueError:", e)
mask = (1 << 64) - 1
h = 14695981039346656037
for c in [112, 121, 109, 101, 109]:
    h = ((h ^ c) * 1099511628211) & mask
print(h, h % 65536, h >> 40)
