# class Stack(Generic[T]): subscription, instantiation through an alias, __orig_bases__.
from typing import Generic, List, Optional, TypeVar

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.pop(), s.pop(), s.__orig_class__)
plain = Stack()
plain.push("x")
print(plain.items, type(s) is Stack, isinstance(s, Stack))
print(Stack[int], Stack[str] == Stack[str], Stack.__parameters__)
print(Stack.__orig_bases__, Stack.__mro__)
print(Stack[int].__origin__ is Stack, Stack[int].__args__)
try:
    Stack[int, str]
except TypeError as error:
    print(error)
try:
    isinstance(s, Stack[int])
except TypeError as error:
    print(error)
