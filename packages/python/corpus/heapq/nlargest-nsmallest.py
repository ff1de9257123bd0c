# nlargest and nsmallest, with key=, ties in original order, and n beyond the length
import heapq
data = [5, 1, 8, 3, 9, 2, 7, 3, 8]
print(heapq.nlargest(3, data), heapq.nsmallest(3, data))
print(heapq.nlargest(1, data), heapq.nsmallest(1, data), heapq.nlargest(0, data))
print(heapq.nlargest(20, data), heapq.nsmallest(-2, data))
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(2, words, key=len))
print(heapq.nlargest(2, [(1, "b"), (1, "a"), (0, "c")]))
print(heapq.nsmallest(2, range(10, 0, -1)), heapq.nlargest(2, "hello"))
