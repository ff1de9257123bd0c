# PEP 696 defaults (3.13): __default__, has_default(), typing.NoDefault
import typing

class Box[T = int, **P = [int, str]]:
    pass

def variadic[*Ts](): pass
T, P = Box.__type_params__
(Ts,) = variadic.__type_params__
print(T.__default__, T.has_default())
print(P.__default__, P.has_default())
print(Ts.has_default())

def f[A, B = list[A]]():
    pass

A, B = f.__type_params__
print(A.__default__, A.has_default(), A.__default__ is typing.NoDefault)
print(B.__default__, B.has_default())
print(repr(typing.NoDefault))
X = typing.TypeVar("X", default=str)
print(X.__default__, X.has_default(), repr(X))
