# an alias value is evaluated once, when first read, and can refer to itself
calls = []

def build():
    calls.append(1)
    return list[int]

type Lazy = build()
print(calls)
print(Lazy.__value__, calls)
print(Lazy.__value__, calls)

type Json = dict[str, Json] | list[Json] | str | int | None
print(Json.__value__)

def make():
    type Local[T] = dict[str, T]
    return Local
Local = make()
print(Local, Local.__value__, Local.__type_params__)
