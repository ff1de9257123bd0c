# wrong arguments to functools: CPython's exception types and messages
import functools
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as error:
        print(label, type(error).__name__ + ':', error)
attempt('reduce empty', lambda: functools.reduce(lambda a, b: a, []))
attempt('reduce one arg', lambda: functools.reduce(len))
attempt('reduce not iterable', lambda: functools.reduce(lambda a, b: a, 5))
attempt('partial no args', lambda: functools.partial())
attempt('partial not callable', lambda: functools.partial(3))
attempt('lru_cache str', lambda: functools.lru_cache('x'))
attempt('cmp_to_key hash', lambda: hash(functools.cmp_to_key(lambda a, b: 0)(1)))
