# Union flattens, removes duplicates, ignores order for ==; Optional[X] is Union[X, None].
from typing import List, Optional, Union

print(Union[int], Union[int, int], Union[int, Union[str, int]])
print(Union[int, str] == Union[str, int], Union[int, str] == Union[int, float])
print(Optional[int] == Union[int, None], Optional[int] == Union[None, int])
print(Union[None, int], Optional[Optional[int]], Optional[None])
print(hash(Union[int, str]) == hash(Union[str, int]))
print(Union[int, str].__args__, Optional[int].__args__, Union[int, str].__origin__)
print(isinstance(3, Union[int, str]), isinstance(3.0, Union[int, str]))
print(isinstance(None, Optional[int]), issubclass(bool, Union[int, str]))
try:
    Union[()]
except TypeError as error:
    print(error)
print(List[int] == List[int], List[int] == List[str], List[int] != list[int])
print(len({List[int], List[int], List[str]}))
