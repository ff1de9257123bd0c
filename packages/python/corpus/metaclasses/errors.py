# type.__new__/type.__init__ argument errors, metaclass conflicts, type(), __mro__ and __prepare__ of a metaclass.
class M(type): pass
for args in [(1,), ("X",), ("X", ()), ("X", (), {}, 1)]:
    try: M(*args)
    except TypeError as e: print(e)
try: type.__new__(M, "X")
except TypeError as e: print(e)
try: type.__init__(M, "X", (), {}, 4)
except TypeError as e: print(e)
try: type("X", (), {}, x=1)
except TypeError as e: print(e)
class A(metaclass=M): pass
class N(type): pass
class B(metaclass=N): pass
try:
    class D(A, B): pass
except TypeError as e: print(e)
print(type(A), repr(A), A.__class__, type(M))
print(M.__mro__)
print(M.__prepare__("x", ()))
print(type.__prepare__("x", (), a=1))
