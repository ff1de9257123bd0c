# generic methods and nested generic functions; qualified names skip the annotation scope
class Registry:
    def get[T](self, kind: type[T]) -> T:
        return kind()

    @staticmethod
    def make[K, V](key: K, value: V) -> dict[K, V]:
        return {key: value}

r = Registry()
print(r.get(list), Registry.make(1, 2))
print(Registry.get.__qualname__, Registry.get.__type_params__)
print(Registry.make.__qualname__, Registry.make.__type_params__)

def outer():
    def inner[T](x: T) -> T:
        return x
    return inner

inner = outer()
print(inner.__qualname__, inner.__type_params__, inner(7))

class Outer:
    class Inner[T]:
        def method(self):
            return self.__class__.__qualname__
print(Outer.Inner.__qualname__, Outer.Inner().method(), Outer.Inner.method.__qualname__)
