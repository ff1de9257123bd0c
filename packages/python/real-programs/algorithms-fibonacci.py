"""
Calculates the Fibonacci sequence using iteration, recursion, memoization
and a generator.
"""

import functools
from collections.abc import Iterator
from math import sqrt


def fib_iterative_yield(n: int) -> Iterator[int]:
    """
    >>> list(fib_iterative_yield(0))
    [0]
    >>> tuple(fib_iterative_yield(5))
    (0, 1, 1, 2, 3, 5)
    >>> list(fib_iterative_yield(-1))
    Traceback (most recent call last):
        ...
    ValueError: n is negative
    """
    if n < 0:
        raise ValueError("n is negative")
    a, b = 0, 1
    yield a
    for _ in range(n):
        yield b
        a, b = b, a + b


def fib_iterative(n: int) -> list[int]:
    """
    >>> fib_iterative(10)
    [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
    """
    return list(fib_iterative_yield(n))


def fib_recursive(n: int) -> list[int]:
    """
    >>> fib_recursive(10)
    [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
    """

    def fib_recursive_term(i: int) -> int:
        if i < 0:
            raise ValueError("n is negative")
        if i < 2:
            return i
        return fib_recursive_term(i - 1) + fib_recursive_term(i - 2)

    if n < 0:
        raise ValueError("n is negative")
    return [fib_recursive_term(i) for i in range(n + 1)]


def fib_memoization(n: int) -> list[int]:
    """
    >>> fib_memoization(10)
    [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
    """

    @functools.cache
    def rec_fn_memoized(num: int) -> int:
        if num < 2:
            return num
        return rec_fn_memoized(num - 1) + rec_fn_memoized(num - 2)

    return [rec_fn_memoized(i) for i in range(n + 1)]


def fib_binet(n: int) -> list[int]:
    """
    >>> fib_binet(10)
    [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
    """
    if n < 0:
        raise ValueError("n is negative")
    sqrt_5 = sqrt(5)
    phi = (1 + sqrt_5) / 2
    return [round(phi**i / sqrt_5) for i in range(n + 1)]


if __name__ == "__main__":
    import doctest

    doctest.testmod()
    num = 30
    print(fib_iterative(num)[-1], fib_memoization(num)[-1], fib_binet(num)[-1])
    print(fib_memoization(150)[-1])
    print(fib_recursive(15))
