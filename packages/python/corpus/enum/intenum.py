# IntEnum members compare, hash, index and do arithmetic as their ints; str() and format() give the int.
from enum import IntEnum


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(repr(Priority.HIGH), str(Priority.HIGH), f"{Priority.LOW}", f"{Priority.MEDIUM:03d}", format(Priority.HIGH, ">4"))
print(Priority.HIGH == 10, Priority.LOW < 2, Priority.MEDIUM > Priority.LOW, 5 == Priority.MEDIUM)
print(Priority.HIGH + 1, 100 - Priority.HIGH, Priority.MEDIUM * 2, Priority.HIGH // 3, -Priority.LOW)
print(sorted([Priority.HIGH, 3, Priority.LOW, 7]), max(Priority), sum(Priority))
print(["a", "b", "c", "d", "e", "f"][Priority.MEDIUM], hash(Priority.LOW) == hash(1), {1: "one"}[Priority.LOW])
print(Priority(5), Priority["LOW"], Priority.HIGH.name, Priority.HIGH.value, int(Priority.MEDIUM))
print(Priority.HIGH.bit_length(), Priority.MEDIUM in Priority, 10 in Priority, 11 in Priority)


class Weekday(IntEnum):
    MON = "1"
    TUE = 2


print(repr(Weekday.MON), Weekday(1), list(Weekday))
try:
    Priority(2)
except ValueError as error:
    print(error)
