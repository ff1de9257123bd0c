# Without the future import, parameter and return annotations are evaluated at def time into __annotations__.
import sys

order = []


def note(value):
    order.append(value)
    return value


def f(a: note("a"), b: note("b") = note("default b"), *args: note("args"), c: note("c") = 3,
      **kw: note("kw")) -> note("return"):
    pass


print(order)
print(f.__annotations__)


class Box:
    def get(self) -> "Box":
        return self

    size: int = 0


print(Box.get.__annotations__, Box.__annotations__)
marker = object()
before = sys.getrefcount(marker)


def g(x: marker) -> marker:
    pass


print(sys.getrefcount(marker) - before)
del g
print(sys.getrefcount(marker) - before)
try:
    def h(x: undefined_name):
        pass
except NameError as error:
    print("NameError:", error)
print((lambda x: x).__annotations__, g.__annotations__ if False else {})
