# typing's classes: the ones PEP 695 makes are typing.TypeVar, ParamSpec, TypeVarTuple
import typing

T = typing.TypeVar("T")
B = typing.TypeVar("B", bound=int)
C = typing.TypeVar("C", int, str)
Co = typing.TypeVar("Co", covariant=True)
Contra = typing.TypeVar("Contra", contravariant=True)
print(repr(T), repr(B), repr(C), repr(Co), repr(Contra))
print(B.__bound__, C.__constraints__, T.has_default())
P = typing.ParamSpec("P")
Ts = typing.TypeVarTuple("Ts")
print(repr(P), repr(Ts), P.args, P.kwargs)
A = typing.TypeAliasType("A", list[int])
print(A, A.__value__, A.__type_params__)
for make in [lambda: typing.TypeVar("X", int),
             lambda: typing.TypeVar("X", int, str, bound=int),
             lambda: typing.TypeVar("X", covariant=True, contravariant=True)]:
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

def f[U](): pass
(U,) = f.__type_params__
print(type(U) is typing.TypeVar, repr(U))
