# lru_cache: hits, misses, eviction order, cache_clear, typed keys
from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=2)
def square(n):
    calls.append(n)
    return n * n
for n in [1, 2, 1, 3, 2, 1]:
    square(n)
print(calls, square.cache_info())
square.cache_clear()
print(square.cache_info(), square.cache_parameters())
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(70), fib.cache_info())
@cache
def ident(x, y=0):
    calls.append((x, y))
    return x
calls.clear()
ident(1); ident(1); ident(1, y=0); ident(1, 0)
print(calls, ident.cache_info().hits, ident.cache_info().currsize)
@lru_cache(typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind.cache_info().currsize)
@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info(), type(fib).__name__, fib.__wrapped__(10))
