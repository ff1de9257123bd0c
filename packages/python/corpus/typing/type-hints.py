# get_type_hints evaluates string annotations and None; get_origin/get_args take aliases apart.
from typing import (Annotated, Callable, Dict, List, Optional, Union, get_args, get_origin,
                    get_type_hints)


class Node:
    value: int
    next: "Optional[Node]"
    children: List["Node"]


def connect(a: Node, b: "Node" = None, weight: float = 1.0) -> None:
    pass


print(get_type_hints(connect))
hints = get_type_hints(Node)
print(sorted(hints), hints["value"], hints["next"])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]))
print(get_args(Optional[int]), get_args(Union[int, str, None]), get_origin(int), get_args(int))
print(get_args(Callable[[int, str], bool]), get_args(Callable[..., int]))
print(get_origin(list[int]), get_args(list[int]), get_args(int | str))
print(get_origin(Annotated[int, "unit"]), get_args(Annotated[int, "unit", 3]))


def plain(x, y=2):
    return x


print(get_type_hints(plain), connect.__annotations__["return"])
