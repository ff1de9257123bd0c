# int(str, base): bases 0 and 2..36, prefixes, underscores, whitespace, signs, and the errors.
print(int("123456789012345678901234567890"), int("  -1_000_000_000_000_000_000_000  "))
print(int("0x_1f", 0), int("0b101", 0), int("0o777", 0), int("00", 0), int("ff", 16), int("0XFF", 16))
print(int("z" * 20, 36), int("1" * 80, 2), int("7" * 30, 8), int("-" + "9" * 40))
print(int("١٢٣"), int("0b1", 16), int("12", base=3), int(" +42 "))
for text, base in [("1__0", 10), ("_1", 10), ("1_", 10), ("0x", 16), ("+ 1", 10), ("", 10), ("010", 0), ("0_7", 0), ("9", 8), ("12", 37), ("12", 1)]:
    try:
        print(int(text, base))
    except ValueError as e:
        print("ValueError:", e)
for args in [(12, 3), (1.5, 2)]:
    try:
        print(int(*args))
    except TypeError as e:
        print("TypeError:", e)
class Seven:
    def __index__(self):
        return 7 * 10**20
print(int(Seven()), int(True), int(2**70))
