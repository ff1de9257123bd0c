# Each docstring runs in its own copy of the module globals: names do not leak between them
import doctest

LIMIT = 10


def first():
    """
    >>> x = LIMIT * 2
    >>> x
    20
    >>> LIMIT = 99
    """


def second():
    """
    >>> LIMIT
    10
    >>> 'x' in globals()
    False
    """


results = doctest.testmod()
print(results.failed, results.attempted, LIMIT)
