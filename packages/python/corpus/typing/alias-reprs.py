# The reprs of typing's aliases and special forms, as annotations show them.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Iterable, Iterator, List,
                    Literal, Mapping, NoReturn, Optional, Sequence, Set, Tuple, Type, Union)

print(List[int], Dict[str, List[int]], Set[str], FrozenSet[int])
print(Tuple[int, str], Tuple[int, ...], Tuple[()], Type[int])
print(Optional[int], Union[int, str], Union[int, str, None], Optional[List[str]])
print(Callable[[int, str], bool], Callable[..., None], Callable[[], int])
print(Iterable[int], Iterator[str], Sequence[float], Mapping[str, Any])
print(Literal["r", "w"], Literal[1, True], ClassVar[int], Final[str])
print(Any, NoReturn, Optional, Union, List, Callable, Tuple, typing.Deque, typing.DefaultDict)
print(List["Node"], Dict[str, "Node"])
print(List[list[int]], list[List[int]], Optional[int | str])
