# inconsistent orders, repeated bases and incompatible layouts are TypeErrors, as in CPython
class A:
    pass
class B:
    pass
class AB(A, B):
    pass
class BA(B, A):
    pass
try:
    class Broken(AB, BA):
        pass
except TypeError as e:
    print(e)
try:
    class Twice(A, A):
        pass
except TypeError as e:
    print(e)
try:
    class ObjectFirst(object, A):
        pass
except TypeError as e:
    print(e)
class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("y",)
try:
    class Both(S1, S2):
        pass
except TypeError as e:
    print(e)
class Fine(S1, A):
    pass
print([c.__name__ for c in Fine.__mro__])
class Broken2(AB, BA):
    pass
