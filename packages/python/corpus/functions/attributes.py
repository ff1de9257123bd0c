# Function attributes: __annotations__, __doc__, names, __dict__, __code__ members, and assignment checks.
def greet(name: str, *, excited: bool = False) -> str:
    """Say hello."""
    return "hi " + name
print(greet.__annotations__, greet.__doc__, greet.__name__, greet.__qualname__, greet.__module__)
print(greet.__kwdefaults__, greet.__defaults__)
greet.calls = 0
greet.calls += 1
print(greet.calls, greet.__dict__)
c = greet.__code__
print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_varnames, c.co_posonlyargcount)
def outer():
    x = 1
    def inner(a, b=2):
        y = a + x
        return y
    return inner
i = outer()
print(i.__qualname__, i.__code__.co_varnames, i.__code__.co_nlocals)
def nodoc(): pass
print(nodoc.__doc__, nodoc.__annotations__)
def deco(fn):
    def wrapper(*a, **k):
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__qualname__ = fn.__qualname__
    wrapper.__wrapped__ = fn
    return wrapper
@deco
def f(x): "doc of f"; return x
print(f.__name__, f.__doc__, f.__qualname__, f.__wrapped__.__name__, f(3))
try: f.__name__ = 3
except TypeError as e: print(e)
try: f.__defaults__ = [1]
except TypeError as e: print(e)
try: del f.missing
except AttributeError as e: print(e)
try: print(f.missing)
except AttributeError as e: print(e)
del f.__wrapped__
print(hasattr(f, "__wrapped__"), f.__dict__)
lam = lambda x, *, y=3: x + y
print(lam.__name__, lam.__kwdefaults__, lam(1))
class K:
    def m(self, a: int) -> None: pass
print(K.m.__annotations__, K.m.__qualname__, K().m.__name__)
import gc
print(gc.is_tracked(f), gc.is_tracked(f.__code__))
