# searching floats, mixed ints and floats, and strings
import bisect
print(bisect.bisect([0.5, 1.5, 2.5], 1.5), bisect.bisect_left([0.5, 1.5, 2.5], 1.5))
print(bisect.bisect([1, 2.5, 3], 2), bisect.bisect_left([1, 2.5, 3], 3.0))
words = ["apple", "banana", "cherry", "date"]
print(bisect.bisect(words, "blueberry"), bisect.bisect_left(words, "cherry"))
print(bisect.bisect("acegik", "f"))
