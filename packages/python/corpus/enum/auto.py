# auto() values: 1, 2, 3... after the largest so far; _generate_next_value_ can change the rule.
from enum import Enum, auto


class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    TEN = 10
    ELEVEN = auto()


print(list(Step), [s.value for s in Step])


class Named(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    NORTH = auto()
    SOUTH = auto()


print([n.value for n in Named], repr(auto()))


class Pair(Enum):
    A = auto(), "first"
    B = auto(), "second"


print(Pair.A.value, Pair.B.value)
try:
    class Mixed(Enum):
        A = "x"
        B = auto()
except TypeError as error:
    print(error)
try:
    class Late(Enum):
        A = auto()

        def _generate_next_value_(name, start, count, last_values):
            return 0
except TypeError as error:
    print(error)
