# Option directives: ELLIPSIS, NORMALIZE_WHITESPACE, SKIP; True for 1 accepted by default
import doctest


def numbers():
    """
    >>> list(range(30))  # doctest: +ELLIPSIS
    [0, 1, 2, ..., 29]
    >>> list(range(12))  # doctest: +NORMALIZE_WHITESPACE
    [0,   1,  2,  3,  4,  5,
     6,   7,  8,  9, 10, 11]
    >>> this_is_skipped()  # doctest: +SKIP
    anything
    >>> 1 == 1
    1
    >>> object()  # doctest: +ELLIPSIS
    <object object at 0x...>
    """


print(doctest.testmod())
print(doctest.ELLIPSIS, doctest.NORMALIZE_WHITESPACE)
