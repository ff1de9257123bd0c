# The most derived metaclass wins; conflicts, bad keywords, __init__ returning a value and ** keywords fail as CPython.
class M1(type):
    pass

class M2(type):
    pass

class M3(M1):
    pass

class A(metaclass=M1):
    pass

class B(metaclass=M2):
    pass

class C(metaclass=M3):
    pass

class D(A, C):
    pass

print(type(D).__name__)

class E(C, A):
    pass

print(type(E).__name__)

try:
    class F(A, B):
        pass
except TypeError as error:
    print(error)

try:
    class G(metaclass=M2, extra=1):
        pass
except TypeError as error:
    print(error)

try:
    type.__new__(M1, "X", (B,), {})
except TypeError as error:
    print(error)

class WithInit(type):
    def __init__(cls, name, bases, ns, flag=False):
        super().__init__(name, bases, ns)
        cls.flag = flag

    def __new__(mcls, name, bases, ns, flag=False):
        return super().__new__(mcls, name, bases, ns)

class H(metaclass=WithInit, flag=True):
    pass

print(H.flag)

class BadInit(type):
    def __init__(cls, *args):
        return 1

try:
    class I(metaclass=BadInit):
        pass
except TypeError as error:
    print(error)

try:
    class J(metaclass=M1, **{"x": 1}):
        pass
except TypeError as error:
    print(error)
