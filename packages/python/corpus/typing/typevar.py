# TypeVar: names, bounds, constraints, variance, and its reprs inside aliases.
from typing import Dict, List, Tuple, TypeVar

T = TypeVar("T")
N = TypeVar("N", bound=int)
S = TypeVar("S", int, str)
Co = TypeVar("Co", covariant=True)
Contra = TypeVar("Contra", contravariant=True)
print(T, N, S, Co, Contra)
print(T.__name__, N.__bound__, S.__constraints__, Co.__covariant__, Contra.__contravariant__)
print(List[T], Dict[str, T], Tuple[T, N])
print(List[T].__parameters__, Dict[N, T].__parameters__, List[int].__parameters__)
print(Dict[str, T][int], Dict[N, T][bool, str], List[Tuple[T, T]][float])
try:
    List[int][str]
except TypeError as error:
    print(error)
try:
    TypeVar("X", int)
except TypeError as error:
    print(error)
try:
    TypeVar("X", covariant=True, contravariant=True)
except ValueError as error:
    print(error)
