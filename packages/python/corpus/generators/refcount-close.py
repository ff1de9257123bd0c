# A suspended generator dropped by refcount is closed at once: finally runs before the next line.
def worker(name):
    try:
        print(name, "started")
        yield 1
        yield 2
    except GeneratorExit:
        print(name, "got GeneratorExit")
        raise
    finally:
        print(name, "finally")


g = worker("a")
next(g)
print("rebinding")
g = worker("b")
print("b not started")
next(g)
g = None
print("after None")


def use():
    local = worker("c")
    next(local)
    print("returning")


use()
print("after use")
items = [worker("d")]
next(items[0])
items.clear()
print("after clear")
for value in worker("e"):
    print("breaking at", value)
    break
print("after break")
