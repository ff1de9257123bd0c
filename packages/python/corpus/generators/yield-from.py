# yield from delegates next, send, throw and close to the subgenerator (PEP 380).
def inner():
    try:
        x = yield "inner 1"
        print("inner got", x)
        y = yield "inner 2"
        print("inner got", y)
    except KeyError as e:
        print("inner handled", repr(e))
        yield "inner after error"
    finally:
        print("inner finally")
    return "inner result"


def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer done"


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration:
    print("stop")

g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))

g = outer()
next(g)
g.close()
print("closed")
