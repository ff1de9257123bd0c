# Realistic keyword-only/positional-only signatures, and the references their defaults hold.
import sys


def connect(host, port=5432, /, *, timeout=10.0, retries=3, **options):
    return f"{host}:{port} timeout={timeout} retries={retries} {sorted(options.items())}"


print(connect("db"))
print(connect("db", 6543, timeout=1, ssl=True))
print(connect("db", retries=0, user="admin", password="x"))

calls = []


def log(message, *values, sep=" ", end="!", file=None):
    calls.append(sep.join([message, *map(str, values)]) + end)


log("a", 1, 2)
log("b", sep="-")
log("c", 3, end="?")
print(calls)


def clamp(value, /, lower=0, upper=100):
    return max(lower, min(value, upper))


print(clamp(150), clamp(-5), clamp(50, upper=40), clamp(5, 10, 20))


def make_counter(*, start=0, step=1):
    count = start

    def tick():
        nonlocal count
        count += step
        return count

    return tick


tick = make_counter(step=5)
print(tick(), tick(), make_counter()())

sentinel = object()
before = sys.getrefcount(sentinel)


def uses_sentinel(*, marker=sentinel):
    return marker is sentinel


print(uses_sentinel(), sys.getrefcount(sentinel) - before)
del uses_sentinel
print(sys.getrefcount(sentinel) - before)


class Shape:
    def __init__(self, name, /, *, sides):
        self.name = name
        self.sides = sides

    def describe(self, *, verbose=False):
        return f"{self.name} with {self.sides} sides" + (" (verbose)" if verbose else "")


print(Shape("square", sides=4).describe(verbose=True))
try:
    Shape("triangle", 3)
except TypeError as error:
    print(error)
try:
    Shape(name="circle", sides=0)
except TypeError as error:
    print(error)
