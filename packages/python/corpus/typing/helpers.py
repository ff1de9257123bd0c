# cast, overload, NewType, no_type_check, final, TYPE_CHECKING and Annotated.
from typing import (TYPE_CHECKING, Annotated, NewType, cast, final, no_type_check, overload)

print(TYPE_CHECKING, cast(int, "text"), cast("list[int]", [1]))
UserId = NewType("UserId", int)
uid = UserId(42)
print(uid, type(uid).__name__, UserId, UserId.__supertype__, UserId.__name__)


@overload
def double(x: int) -> int: ...


@overload
def double(x: str) -> str: ...


def double(x):
    return x * 2


print(double(2), double("ab"))


@no_type_check
def loose(a: "not a type") -> "nor this":
    return a


print(loose(5), loose.__no_type_check__)


@final
class Leaf:
    pass


print(Leaf.__final__, Leaf.__name__)
meters = Annotated[float, "meters"]
print(meters, meters.__metadata__, meters.__origin__, Annotated[meters, "positive"])
