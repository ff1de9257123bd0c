# A generator object's life: created, suspended, running, closed — and its names.
def machine():
    yield "first"
    yield "second"


g = machine()
print(g.__name__, g.__qualname__)


class Owner:
    def method(self):
        yield 1


print(Owner().method().__qualname__)


def inner_holder():
    def inner():
        yield
    return inner()


print(inner_holder().__qualname__)
print((x for x in []).__name__)
print(list(g), list(g))
