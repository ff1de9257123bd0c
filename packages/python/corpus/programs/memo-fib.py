# Recursion three ways (naive, memoised with a dict default, bottom-up), with sys.getrecursionlimit and big-enough ints.
import sys


def fib_naive(n):
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)


def fib_memo(n, _cache={0: 0, 1: 1}):
    if n not in _cache:
        _cache[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return _cache[n]


def fib_table(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def hanoi(n, source="A", target="C", spare="B", moves=None):
    moves = [] if moves is None else moves
    if n:
        hanoi(n - 1, source, spare, target, moves)
        moves.append((source, target))
        hanoi(n - 1, spare, target, source, moves)
    return moves


print([fib_naive(n) for n in range(15)])
print(fib_memo(70), fib_table(70), fib_memo(70) == fib_table(70))
print(len(fib_memo.__defaults__[0]), sys.getrefcount(fib_memo) > 1)
print(hanoi(3), len(hanoi(10)))
