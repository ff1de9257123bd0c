# IntEnum, StrEnum and IntFlag members are real int and str instances.
import enum
import json


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 3


class Colour(enum.StrEnum):
    RED = enum.auto()
    GREEN = "green"


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(isinstance(Priority.HIGH, int), isinstance(Colour.RED, str), isinstance(Perm.R, int))
print(type(Priority.HIGH).__mro__[1:3])
print(Priority.HIGH + 1, Priority.HIGH * 2, Priority.LOW - Priority.HIGH, -Priority.LOW)
print("%d %s %r" % (Priority.HIGH, Priority.HIGH, Priority.HIGH))
print(f"{Priority.HIGH} {Priority.HIGH:>4} {Colour.RED} {Colour.RED:>6}|")
print(json.dumps({"p": Priority.HIGH, "c": Colour.GREEN, "f": Perm.R | Perm.W}))
print({1: "one", 3: "three"}[Priority.HIGH], {"red": 1}[Colour.RED])
print(Colour.RED.upper(), Colour.GREEN + "!", len(Colour.GREEN), Colour.RED == "red")
print(sorted([Priority.HIGH, 2, Priority.LOW]), max(Priority), int(Priority.HIGH))
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm(7), Perm.R & 4, 6 in [Perm.R | Perm.W])
print(str(Perm.R | Perm.W), format(Perm.R, "03d"), bin(Perm.R | Perm.X))
print(Priority(3) is Priority.HIGH, Colour("green") is Colour.GREEN)
print(hash(Priority.LOW) == hash(1), Priority.HIGH.bit_length(), Priority.HIGH.to_bytes(2, "big"))
try:
    class Bad(enum.StrEnum):
        ONE = 1
except TypeError as error:
    print(error)
