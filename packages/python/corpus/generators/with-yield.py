# yield inside with: __exit__ runs when the generator finishes, is closed, or is dropped.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return False


def lines(name):
    with Resource(name) as r:
        for i in range(3):
            yield f"{r.name}:{i}"
    print("after with")


print(list(lines("a")))
g = lines("b")
print(next(g))
g.close()
print("closed")
g = lines("c")
print(next(g))
del g
print("dropped")


def suppressing():
    class Quiet:
        def __enter__(self):
            return None
        def __exit__(self, kind, value, tb):
            print("suppress", kind.__name__)
            return True
    with Quiet(), Resource("inner"):
        yield 1
        raise ValueError("x")
    yield "after"


print(list(suppressing()))
