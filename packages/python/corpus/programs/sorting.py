# TheAlgorithms style: merge sort, quick sort and insertion sort with a key, checked against sorted().
import random


def merge_sort(items, *, key=lambda x: x):
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    left, right = merge_sort(items[:middle], key=key), merge_sort(items[middle:], key=key)
    merged = []
    while left and right:
        merged.append((left if key(left[0]) <= key(right[0]) else right).pop(0))
    return merged + left + right


def quick_sort(items):
    if len(items) < 2:
        return items
    pivot, *rest = items
    return quick_sort([x for x in rest if x < pivot]) + [pivot] + quick_sort([x for x in rest if x >= pivot])


def insertion_sort(items, /, reverse=False):
    result = list(items)
    for i in range(1, len(result)):
        current, j = result[i], i - 1
        while j >= 0 and (result[j] < current if reverse else result[j] > current):
            result[j + 1] = result[j]
            j -= 1
        result[j + 1] = current
    return result


random.seed(7)
data = [random.randint(-50, 50) for _ in range(40)]
print(merge_sort(data) == sorted(data), quick_sort(data) == sorted(data))
print(insertion_sort(data, reverse=True) == sorted(data, reverse=True))
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(merge_sort(words, key=len), quick_sort(words))
