# decorators apply to the generic function or class, after its type parameters exist
order = []

def deco(label):
    order.append(f"evaluate {label}")
    def apply(obj):
        order.append(f"apply {label} to {obj.__name__} {obj.__type_params__}")
        return obj
    return apply

@deco("outer")
@deco("inner")
def f[T](x: T) -> T:
    return x

@deco("class")
class Box[T]:
    pass

for line in order:
    print(line)
print(f(5), Box.__type_params__)
