# testmod(verbose=True): Trying/Expecting/ok per example, then the items summary
import doctest


def triple(n):
    """
    >>> triple(2)
    6
    >>> values = [triple(i) for i in range(3)]
    >>> values
    [0, 3, 6]
    """
    return 3 * n


def no_examples():
    """Nothing to run here."""


class Shape:
    """
    >>> Shape().sides
    0
    """

    sides = 0


print(doctest.testmod(verbose=True))
