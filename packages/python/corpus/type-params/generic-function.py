# def f[T](...): T is visible in the annotations; __type_params__ holds it
def first[T](items: list[T]) -> T:
    return items[0]

print(first([3, 4]), first("ab"))
print(first.__type_params__, first.__name__, first.__qualname__)
(T,) = first.__type_params__
print(first.__annotations__)
print(repr(T), T.__name__, type(T).__name__, T.__module__)
print(T.__bound__, T.__constraints__, T.__covariant__, T.__contravariant__, T.__infer_variance__)

def plain(x):
    return x
print(plain.__type_params__, (lambda: 0).__type_params__)

def pair[K, V](key: K, value: V) -> dict[K, V]:
    return {key: value}
print(pair("a", 1), pair.__type_params__, pair.__annotations__["return"])
