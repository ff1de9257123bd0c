# Context managers as function decorators: @contextmanager factories and ContextDecorator subclasses.
from contextlib import contextmanager, ContextDecorator

@contextmanager
def logged(label):
    print("start", label)
    yield
    print("end", label)

@logged("job")
def job(n):
    print("working on", n)
    return n * 2

print(job(1))
print(job(2))

class timer(ContextDecorator):
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False

@timer("t")
def compute(x):
    if x < 0:
        raise ValueError("negative")
    return x + 1

print(compute(3))
try:
    compute(-1)
except ValueError as e:
    print("raised", e)

with timer("as with"):
    print("inside")
