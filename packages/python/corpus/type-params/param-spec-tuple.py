# *Ts is a TypeVarTuple and **P a ParamSpec (P.args, P.kwargs)
import typing

def call[**P, R](fn: typing.Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    return fn(*args, **kwargs)

print(call(max, 3, 9, 2))
P, R = call.__type_params__
print(repr(P), type(P).__name__, P.args, P.kwargs, P.args.__origin__ is P)
print(P.__bound__, P.__infer_variance__)

def variadic[*Ts](*args: *Ts) -> tuple[*Ts]:
    return args

print(variadic(1, "a"))
(Ts,) = variadic.__type_params__
print(repr(Ts), type(Ts).__name__, [*Ts], typing.Unpack[Ts])
print(isinstance(P, typing.ParamSpec), isinstance(Ts, typing.TypeVarTuple))
print(isinstance(Ts, typing.TypeVar), isinstance(R, typing.TypeVar))
