from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class StackOverflowError(BaseException):
    pass


class StackUnderflowError(BaseException):
    pass


class Stack(Generic[T]):
    """A stack is an abstract data type that serves as a collection of
    elements with two principal operations: push() and pop().

    >>> S = Stack(2) # stack size = 2
    >>> S.push(10)
    >>> S.push(20)
    >>> print(S)
    [10, 20]
    >>> S.pop()
    20
    """

    def __init__(self, limit: int = 10):
        self.stack: list[T] = []
        self.limit = limit

    def __bool__(self) -> bool:
        return bool(self.stack)

    def __str__(self) -> str:
        return str(self.stack)

    def push(self, data: T) -> None:
        """Push an element to the top of the stack.

        >>> S = Stack(1)
        >>> S.push(1)
        >>> S.push(2)
        Traceback (most recent call last):
            ...
        StackOverflowError
        """
        if len(self.stack) >= self.limit:
            raise StackOverflowError
        self.stack.append(data)

    def pop(self) -> T:
        if not self.stack:
            raise StackUnderflowError
        return self.stack.pop()

    def peek(self) -> T:
        if not self.stack:
            raise StackUnderflowError
        return self.stack[-1]

    def is_empty(self) -> bool:
        return not bool(self.stack)

    def size(self) -> int:
        return len(self.stack)

    def __contains__(self, item: T) -> bool:
        return item in self.stack


def test_stack() -> None:
    stack: Stack[int] = Stack(10)
    assert bool(stack) is False
    assert stack.is_empty() is True
    try:
        _ = stack.pop()
        raise AssertionError  # This should not happen
    except StackUnderflowError:
        assert True
    for i in range(10):
        assert stack.size() == i
        stack.push(i)
    assert bool(stack)
    assert not stack.is_empty()
    assert str(stack) == str(list(range(10)))
    assert stack.pop() == 9
    assert stack.peek() == 8
    stack.push(100)
    assert str(stack) == str([0, 1, 2, 3, 4, 5, 6, 7, 8, 100])
    try:
        stack.push(200)
        raise AssertionError
    except StackOverflowError:
        assert True
    assert 100 in stack
    assert 200 not in stack


if __name__ == "__main__":
    test_stack()
    print("stack tests passed")
