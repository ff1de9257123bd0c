# CPython 3.13's 4300-digit limit on int <-> decimal str conversion, and sys.set_int_max_str_digits.
import sys
print(sys.get_int_max_str_digits())
print(len(str(10**4299)), len(str(-(10**4299))))
for make in [lambda: str(10**4300), lambda: repr(-(10**5000)), lambda: int("1" * 4301), lambda: f"{10**4400}"]:
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)
print(int("1_" * 3000 + "1") % 97, int("f" * 5000, 16) % 97)
for bad in [5, 640, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError:", e)
sys.set_int_max_str_digits(641)
print(sys.get_int_max_str_digits(), len(str(10**640)))
try:
    str(10**641)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(0)
print(len(str(10**20000)), sys.get_int_max_str_digits())
