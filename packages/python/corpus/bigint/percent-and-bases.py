# %-formatting, hex/oct/bin and f-string conversions of big ints (and floats truncated by %d).
x = 2**100 + 12345
print("%d|%5d|%x|%X|%i|%s|%r" % (x, -x, x, x, 2**60, x, x))
print("%.3f %e %g %d %d" % (2**70, 2**70, 2**70, 1e22, -2.5e20))
try:
    print("%x" % 2.5)
except TypeError as e:
    print("TypeError:", e)
print(hex(x), oct(-x), bin(2**70), hex(-255), bin(0), oct(8))
print(f"{x:d} {x!s} {x!r} {x:>35,}", "%40d|" % -x, "%-40d|" % x)
class Index:
    def __index__(self):
        return 2**64
print(hex(Index()), bin(Index())[:10])
for bad in [1.5, "12"]:
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError:", e)
for bad in [float("nan"), float("inf")]:
    try:
        print("%d" % bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    print("%f" % 10**400)
except OverflowError as e:
    print("OverflowError:", e)
