# Several items enter left to right and exit right to left, like nested with blocks.
class Named:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0])
with Named("a") as a, Named("b") as b:
    print("body", a, b)
with (Named("c") as c,
      Named("d")):
    with Named("e"):
        print("inner", c)
try:
    with Named("f"), Named("g"):
        raise IndexError("x")
except IndexError:
    print("caught")
