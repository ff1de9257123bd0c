# inside a class body, annotation scopes read class-level names first (CPython's __classdict__)
Leaf = str

class Tree:
    Leaf = int
    type Alias = list[Leaf]
    def add[T: Leaf](self, x: Leaf, y: T) -> Leaf:
        return x
    class Inner[U = Leaf]:
        pass
    def plain(self, x: Leaf) -> None:
        pass

print(Tree.Alias.__value__)
print(Tree.add.__type_params__[0].__bound__, Tree.add.__annotations__)
print(Tree.Inner.__type_params__[0].__default__)
print(Tree.plain.__annotations__)

class Shadow:
    T = "class attribute"
    def f[T](self) -> T:
        pass
print(Shadow.f.__annotations__["return"], Shadow.T)
type Outer = Leaf
print(Outer.__value__)
