# bounds and constraints are evaluated lazily, on first access
log = []

def bound_value():
    log.append("bound evaluated")
    return int

def f[T: bound_value(), S: (str, bytes)](a: T, b: S) -> None:
    pass

T, S = f.__type_params__
print(log)
print(T.__bound__, log)
print(T.__bound__, log)
print(S.__bound__, S.__constraints__)

def g[U: Later]():
    pass
(U,) = g.__type_params__
try:
    U.__bound__
except NameError as e:
    print("NameError:", e)
class Later:
    pass
print(U.__bound__.__name__)
