# Big ints as indices, slice bounds and repeat counts: CPython's IndexError / OverflowError.
xs = [1, 2, 3]
print(xs[-(2**70):2**70], xs[2**70:], "abc"[: -(2**80)], (1, 2)[::2**70])
for make in [lambda: xs[2**70], lambda: xs[-(2**70)], lambda: "ab"[2**64], lambda: (1,)[2**100]]:
    try:
        make()
    except IndexError as e:
        print("IndexError:", e)
for make in [lambda: [0] * 2**70, lambda: "ab" * 2**64, lambda: (1,) * -(2**70), lambda: 2**70 * [1]]:
    try:
        make()
    except OverflowError as e:
        print("OverflowError:", e)
for make in [lambda: xs.insert(2**70, 0), lambda: chr(2**70), lambda: "a".ljust(2**70)]:
    try:
        make()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
