# type X = ... makes a TypeAliasType whose __value__ is evaluated on first access
import typing

type Number = int | float
print(repr(Number), Number.__name__, Number.__value__, type(Number).__name__)
print(Number.__type_params__, Number.__parameters__, Number.__module__)
print(isinstance(Number, typing.TypeAliasType))

type Later = Undefined
try:
    Later.__value__
except NameError as e:
    print("NameError:", e)
Undefined = str
print(Later.__value__)

type Pair[T] = tuple[T, T]
print(repr(Pair), Pair.__value__, Pair.__type_params__, Pair[int])
try:
    Number[int]
except TypeError as e:
    print(e)
print(typing.get_args(Pair[int]), typing.get_origin(Pair[int]) is Pair)
