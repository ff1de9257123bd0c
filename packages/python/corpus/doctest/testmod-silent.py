# doctest.testmod() on passing examples prints nothing and returns the counts
import doctest


def square(n):
    """Return n squared.

    >>> square(3)
    9
    >>> [square(i) for i in range(4)]
    [0, 1, 4, 9]
    >>> print("a\\n\\nb")
    a
    <BLANKLINE>
    b
    >>> square("x")
    Traceback (most recent call last):
        ...
    TypeError: can't multiply sequence by non-int of type 'str'
    """
    return n * n


class Counter:
    """
    >>> c = Counter()
    >>> c.bump(); c.bump()
    1
    2
    """

    def __init__(self):
        self.count = 0

    def bump(self):
        self.count += 1
        return self.count


print(doctest.testmod())
