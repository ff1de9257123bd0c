# Closing a suspended generator: GeneratorExit, finally, then its locals die in slot order.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gen(a):
    b = Tracked("b")
    c = Tracked("c")
    try:
        yield 1
    finally:
        print("finally (locals alive)")


g = gen(Tracked("a"))
next(g)
print("close")
g.close()
print("closed")
g = gen(Tracked("a2"))
next(g)
print("exhaust")
print(list(g))
print("exhausted")


def temporaries():
    # A yield in the middle of an expression: the list built so far waits on the value stack.
    items = [Tracked("t1"), (yield "mid-expression"), Tracked("t2")]
    print("built", len(items))


t = temporaries()
print(next(t))
print("dropping mid-expression")
del t
print("done")
