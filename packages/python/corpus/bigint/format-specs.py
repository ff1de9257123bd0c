# Format specs on big ints: thousands separators, bases with grouping, padding, float presentations.
x = 2**100
for spec in [",", "_", "x", "#x", "_x", "X", "b", "_b", "#o", "_o", "d", "+d", " d", ">45", "<45,", "^45", "045_", "=+45,"]:
    print(repr(format(x, spec)), repr(format(-x, spec)))
print(f"{10**30:e}", f"{10**30:.3g}", f"{10**30:%}", f"{10**30:.2f}", f"{2**64:g}")
for spec in [",x", ",b"]:
    try:
        format(x, spec)
    except ValueError as e:
        print("ValueError:", e)
try:
    format(10**400, "e")
except OverflowError as e:
    print("OverflowError:", e)
print(str(x), repr(-x), f"{x!r:>40}", "%d" % 5)
print(format(2**100, "#x"), format(-(2**70), "#b"))
