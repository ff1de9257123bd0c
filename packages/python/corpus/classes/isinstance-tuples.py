# isinstance and issubclass accept nested tuples of classes and follow every base
class A:
    pass
class B:
    pass
class C(A, B):
    pass
c = C()
print(isinstance(c, (int, (str, B))), isinstance(c, ()), issubclass(C, (int, ())))
print(isinstance(3, (str, (list, int))), issubclass(bool, (str, int)))
print(isinstance(C, type), issubclass(type(c), A))
try:
    isinstance(c, (A, 3))
except TypeError as e:
    print(e)
try:
    issubclass(c, A)
except TypeError as e:
    print(e)
