# float(big) rounded to nearest (ties to even), OverflowError past 2**1024; int(float) exact.
print(float(2**53 + 1), float(2**53 + 3), float(2**100 + 2**47), float(-(2**1023)))
print(float(2**1024 - 2**970), 2**100 + 0.5, 2**60 * 1.0)
for n in [2**1024, -(10**400), 2**1024 - 2**970 + 2**969]:
    try:
        print(float(n))
    except OverflowError as e:
        print("OverflowError:", e)
print(int(1e300), int(-2.5e20), int(1.7976931348623157e308) == 2**1024 - 2**971)
print(round(1e22), round(2.5e20), int(123456789.987))
for v in [float("inf"), float("nan")]:
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    print(10**400 + 0.5)
except OverflowError as e:
    print("OverflowError:", e)
