# Keyword-only and positional-only parameters: binding and every TypeError worded as CPython 3.13.
def f(a, b=2, /, c=3, *, d, e=5, **kw): return (a, b, c, d, e, kw)
def g(a, /, b, *, c): return (a, b, c)
def h(*, x): return x
def k(a, b, /): return a
tests = [
    lambda: f(1, d=4),
    lambda: f(1, 2, 3, d=4, e=6, z=7),
    lambda: f(1, a=3, d=4),
    lambda: f(1),
    lambda: g(1, 2),
    lambda: g(1, 2, 3),
    lambda: g(1, 2, 3, c=4),
    lambda: g(a=1, b=2, c=3),
    lambda: k(a=1, b=2),
    lambda: k(1),
    lambda: h(1),
    lambda: h(),
    lambda: h(x=1, y=2),
    lambda: g(),
    lambda: g(1, b=2, c=3, d=5),
    lambda: (lambda p, /, *, q=1: (p, q))(0),
]
for t in tests:
    try: print(t())
    except TypeError as e: print("TypeError:", e)
print(f.__defaults__, f.__kwdefaults__, g.__kwdefaults__, h.__code__.co_kwonlyargcount)
def m(a, *args, b, c=1, **kw): return a, args, b, c, kw
print(m(1, 2, 3, b=4))
print(m(1, b=2, x=3))
try: m(1, 2)
except TypeError as e: print(e)
def two(*, a, b): pass
try: two()
except TypeError as e: print(e)
def three(x, y, z, /): pass
try: three()
except TypeError as e: print(e)
class C:
    def meth(self, /, x, *, y): return x, y
print(C().meth(1, y=2))
try: C().meth(1, 2)
except TypeError as e: print(e)
try: C().meth(self=1, x=2, y=3)
except TypeError as e: print(e)
f.__kwdefaults__ = {"d": 10}
print(f(1))
f.__defaults__ = (20,)
print(f(1))
