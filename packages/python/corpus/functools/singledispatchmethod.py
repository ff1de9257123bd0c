# functools.singledispatchmethod (dispatch on the first argument after self / cls, with
# classmethod and staticmethod inside), and functools.recursive_repr.
import functools


class Formatter:
    @functools.singledispatchmethod
    def show(self, value):
        return "object " + repr(value)

    @show.register(int)
    def _(self, value):
        return "int " + str(value * 2)

    @show.register(list)
    def _(self, value):
        return "list of " + str(len(value))

    @functools.singledispatchmethod
    @classmethod
    def make(cls, value):
        return cls.__name__ + " from object"

    @make.register(str)
    @classmethod
    def _(cls, value):
        return cls.__name__ + " from str " + value


f = Formatter()
print(f.show(3), f.show(True), f.show([1, 2]), f.show("x"), f.show(2.5))
print(Formatter.make(1), Formatter.make("s"), f.make("t"))
print(Formatter.show.__name__, Formatter.__dict__["show"].__isabstractmethod__)
try:
    f.show()
except TypeError as error:
    print("TypeError", error)
try:
    functools.singledispatchmethod(3)
except TypeError as error:
    print("TypeError", error)


class Node:
    def __init__(self):
        self.children = []

    @functools.recursive_repr()
    def __repr__(self):
        return "Node(" + repr(self.children) + ")"


n = Node()
n.children.append(n)
print(repr(n))


class Other:
    def __init__(self):
        self.me = self

    @functools.recursive_repr("<self>")
    def __repr__(self):
        return "Other(" + repr(self.me) + ")"


print(repr(Other()), Node.__repr__.__name__)


def plain(x):
    return x


holder = Node()
print(plain.__get__(holder)() is holder, plain.__get__(None, Node) is plain)
try:
    type(plain).__get__(1, 2)
except TypeError as error:
    print("TypeError", error)
