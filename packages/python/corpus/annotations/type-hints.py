# Type hints as objects: list[int], dict[str, X] | None, unions in isinstance, calling an alias, hints in __annotations__.
import gc
import sys


class Node:
    pass


def f(x: list[int], y: dict[str, Node] | None = None) -> tuple[int, ...]:
    return x


print(f.__annotations__)
print(list[int], type(list[int]), int | None, type(int | str))
alias = dict[str, list[int]]
print(alias.__origin__, alias.__args__, alias.__parameters__, tuple[()], type[Node])
print(alias(a=[1]), list[int]("ab"), set[str]())
u = int | str | None | int
print(u, u.__args__, isinstance(3, u), isinstance(None, u), isinstance(2.5, u))
print(isinstance("s", int | str), issubclass(bool, int | float))
try:
    isinstance([], list[int])
except TypeError as error:
    print(error)
try:
    int | 3
except TypeError as error:
    print(error)
try:
    object()[int]
except TypeError as error:
    print(error)
print(gc.is_tracked(list[int]), gc.is_tracked(int | str))
before = sys.getrefcount(Node)
hint = list[Node]
print(sys.getrefcount(Node) - before)
del hint
print(sys.getrefcount(Node) - before)
