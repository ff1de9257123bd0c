# built-in types that cannot be subclassed, and layout conflicts between built-in bases
for base in (bool, range, type(None), type(len), type(lambda: 0)):
    try:
        class Sub(base):
            pass
    except TypeError as error:
        print("TypeError", error)
try:
    class Both(list, dict):
        pass
except TypeError as error:
    print("TypeError", error)
try:
    class Pair(tuple):
        __slots__ = ("a",)
except TypeError as error:
    print("TypeError", error)
class Fine(list, object):
    pass
print(Fine.__mro__, Fine([1]))
