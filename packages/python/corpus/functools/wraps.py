# functools.wraps copies the wrapped function's name, doc and attributes onto the wrapper
import functools
def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print('calling', func.__name__, args)
        return func(*args, **kwargs)
    return wrapper
@logged
def add(a, b):
    """Add two numbers."""
    return a + b
add.tag = 'math'
print(add(2, 3), add.__name__, add.__doc__, add.__qualname__, add.__wrapped__.__name__)
def timed(label):
    def decorate(func):
        @functools.wraps(func)
        def inner(*args):
            result = func(*args)
            print(label, func.__name__, '->', result)
            return result
        return inner
    return decorate
@timed('T')
@logged
def square(x):
    """Square x."""
    return x * x
square(4)
print(square.__name__, square.__doc__, square.__wrapped__.__name__, square.__wrapped__.__wrapped__.__name__)
def plain(): pass
w = functools.update_wrapper(lambda: None, plain)
print(w.__name__, w.__wrapped__ is plain, functools.WRAPPER_ASSIGNMENTS[:3])
