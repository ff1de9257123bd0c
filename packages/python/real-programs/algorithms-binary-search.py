"""
Binary search: find the index of an item in a sorted sequence.

https://en.wikipedia.org/wiki/Binary_search_algorithm
"""

from __future__ import annotations

import bisect


def binary_search(sorted_collection: list[int], item: int) -> int:
    """Return the index of ``item`` in ``sorted_collection`` or -1.

    >>> binary_search([0, 5, 7, 10, 15], 0)
    0
    >>> binary_search([0, 5, 7, 10, 15], 15)
    4
    >>> binary_search([0, 5, 7, 10, 15], 6)
    -1
    """
    left = 0
    right = len(sorted_collection) - 1
    while left <= right:
        midpoint = left + (right - left) // 2
        current_item = sorted_collection[midpoint]
        if current_item == item:
            return midpoint
        elif item < current_item:
            right = midpoint - 1
        else:
            left = midpoint + 1
    return -1


def binary_search_std_lib(sorted_collection: list[int], item: int) -> int:
    """Same as binary_search, using the bisect module.

    >>> binary_search_std_lib([0, 5, 7, 10, 15], 5)
    1
    >>> binary_search_std_lib([0, 5, 7, 10, 15], 100)
    -1
    """
    index = bisect.bisect_left(sorted_collection, item)
    if index != len(sorted_collection) and sorted_collection[index] == item:
        return index
    return -1


def binary_search_by_recursion(
    sorted_collection: list[int], item: int, left: int = 0, right: int = -1
) -> int:
    """Recursive variant.

    >>> binary_search_by_recursion([0, 5, 7, 10, 15], 7, 0, 4)
    2
    >>> binary_search_by_recursion([0, 5, 7, 10, 15], 11, 0, 4)
    -1
    """
    if right < 0:
        right = len(sorted_collection) - 1
    if right < left:
        return -1
    midpoint = left + (right - left) // 2
    if sorted_collection[midpoint] == item:
        return midpoint
    elif sorted_collection[midpoint] > item:
        return binary_search_by_recursion(sorted_collection, item, left, midpoint - 1)
    else:
        return binary_search_by_recursion(sorted_collection, item, midpoint + 1, right)


if __name__ == "__main__":
    import doctest

    doctest.testmod()

    collection = sorted(int(item) for item in "12, 4, 90, 33, 7, 56".split(","))
    for target in (33, 5):
        result = binary_search(collection, target)
        if result == -1:
            print(f"{target} was not found in {collection}.")
        else:
            print(f"{target} was found at position {result} of {collection}.")
