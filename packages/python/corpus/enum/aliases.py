# A second name for an existing value is an alias: the same member, left out of iteration.
from enum import Enum, unique


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE, Shape.ALIAS_FOR_SQUARE is Shape.SQUARE, Shape(2).name)
print(list(Shape), len(Shape))
print(list(Shape.__members__), [(name, m.name) for name, m in Shape.__members__.items()])
print(Shape["ALIAS_FOR_SQUARE"], "ALIAS_FOR_SQUARE" in Shape.__members__)

try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
        UNO = 1
except ValueError as error:
    print(error)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(list(Fine))
