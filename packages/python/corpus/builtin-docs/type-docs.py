# __doc__ of built-in types, exceptions and their instances; user classes without a docstring have None.
print(int.__doc__)
print(str.__doc__.splitlines()[0])
print(list.__doc__)
print(dict.__doc__.splitlines()[0])
print(object.__doc__)
print(bool.__doc__.splitlines()[0])
print(ValueError.__doc__, ValueError("x").__doc__)
print((5).__doc__ == int.__doc__, "".__doc__ == str.__doc__)
print(range(3).__doc__.splitlines()[0])
class Plain:
    pass
class Documented(int):
    "An int with a docstring."
class MyError(ValueError):
    pass
print(Plain.__doc__, Plain().__doc__)
print(Documented.__doc__, Documented(1).__doc__)
print(MyError.__doc__, MyError().__doc__)
