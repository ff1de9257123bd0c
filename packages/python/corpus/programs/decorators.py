# Decorators with arguments, functools-like wraps by hand, a counting decorator on methods and a class decorator.
def wraps(original):
    def copy(wrapper):
        for name in ("__name__", "__qualname__", "__doc__"):
            setattr(wrapper, name, getattr(original, name))
        wrapper.__wrapped__ = original
        return wrapper
    return copy


def retry(times, *, exceptions=(ValueError,)):
    def decorate(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as error:
                    print(f"attempt {attempt} failed: {error}")
            raise RuntimeError(f"{fn.__name__} failed {times} times")
        return wrapper
    return decorate


def counted(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls


attempts = iter([ValueError("flaky"), ValueError("again"), None])


@retry(3)
def flaky():
    """Fails twice."""
    error = next(attempts)
    if error:
        raise error
    return "ok"


@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    @counted
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


print(flaky(), flaky.__name__, flaky.__doc__, flaky.__wrapped__.__qualname__)
p = Point(3, 4)
print(p, p.norm(), p.norm(), Point.norm.calls, Point.norm.__name__)
