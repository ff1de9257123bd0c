# class C[T]: Generic is an implicit base; __orig_bases__, __parameters__, C[int]
import typing

class Stack[T]:
    """A stack."""
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

s = Stack()
s.push(1)
print(s.items, Stack.__doc__)
print(Stack.__type_params__, Stack.__parameters__)
print(Stack.__orig_bases__)
print(Stack.__mro__)
print(Stack[int], typing.get_origin(Stack[int]) is Stack, typing.get_args(Stack[int]))
print(Stack.__qualname__, Stack.push.__qualname__, Stack.__name__)
print(issubclass(Stack, typing.Generic))
