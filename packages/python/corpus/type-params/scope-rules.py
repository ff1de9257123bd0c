# type parameters are visible in the function, its annotations and a class body, not outside
def f[T](x: T) -> type:
    return T

(T,) = f.__type_params__
print(f(1) is T)
try:
    print(U)
except NameError as e:
    print("NameError:", e)

class Holder[U]:
    param = U
    def get(self):
        return U
print(Holder.param is Holder.__type_params__[0], Holder().get() is Holder.param)
print("U" in dir(Holder), "T" in globals())

T = "module T"
def g[T]() -> None:
    return T
print(g() is g.__type_params__[0], T)

def h[T](x=T):
    return x
print(h())
