"""Merge sort and quick sort, as TheAlgorithms writes them."""

from __future__ import annotations

from random import randrange


def merge_sort(collection: list) -> list:
    """
    >>> merge_sort([0, 5, 3, 2, 2])
    [0, 2, 2, 3, 5]
    >>> merge_sort([])
    []
    >>> merge_sort([-2, -5, -45])
    [-45, -5, -2]
    """

    def merge(left: list, right: list) -> list:
        result = []
        while left and right:
            result.append(left.pop(0) if left[0] <= right[0] else right.pop(0))
        result.extend(left)
        result.extend(right)
        return result

    if len(collection) <= 1:
        return collection
    mid_index = len(collection) // 2
    return merge(merge_sort(collection[:mid_index]), merge_sort(collection[mid_index:]))


def quick_sort(collection: list) -> list:
    """A pure Python implementation of quicksort algorithm.

    >>> quick_sort([0, 5, 3, 2, 2])
    [0, 2, 2, 3, 5]
    >>> quick_sort([])
    []
    >>> quick_sort([-2, 5, 0, -45])
    [-45, -2, 0, 5]
    """
    if len(collection) < 2:
        return collection
    pivot_index = randrange(len(collection))
    pivot = collection.pop(pivot_index)
    lesser = [item for item in collection if item <= pivot]
    greater = [item for item in collection if item > pivot]
    return [*quick_sort(lesser), pivot, *quick_sort(greater)]


def insertion_sort(collection: list) -> list:
    """
    >>> insertion_sort([0, 5, 3, 2, 2])
    [0, 2, 2, 3, 5]
    >>> insertion_sort(["d", "a", "b", "e", "c"])
    ['a', 'b', 'c', 'd', 'e']
    """
    array = collection
    for insert_index in range(1, len(array)):
        insert_value = array[insert_index]
        while insert_index > 0 and insert_value < array[insert_index - 1]:
            array[insert_index] = array[insert_index - 1]
            insert_index -= 1
        array[insert_index] = insert_value
    return array


if __name__ == "__main__":
    import doctest

    doctest.testmod()
    data = [38, 27, 43, 3, 9, 82, 10, 3, -7]
    print("merge:", merge_sort(data[:]))
    print("quick:", quick_sort(data[:]))
    print("insertion:", insertion_sort(data[:]))
    print(*merge_sort(list("pymemory")), sep=",")
