# misuse: subclassing TypeVar or TypeAliasType, duplicate parameters, generic alias misuse
import typing

for make in [lambda: type("X", (typing.TypeVar,), {}),
             lambda: type("Y", (typing.TypeAliasType,), {})]:
    try:
        make()
        print("made")
    except TypeError as e:
        print("TypeError:", e)

for source in ["def f[T, T](): pass", "class C[A, A]: pass", "type X[T, T] = int",
               "def g[A = int, B](): pass"]:
    try:
        exec(source, {})
    except SyntaxError as e:
        print("SyntaxError:", e.args[0])

type Plain = int
try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)
try:
    typing.TypeAliasType(1, int)
except TypeError as e:
    print("TypeError:", e)
