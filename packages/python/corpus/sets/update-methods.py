# The updating methods take any iterables and change the set in place.
s = {1, 2, 3}
print(s.update([4], (5, 6)), s)
s.intersection_update([1, 2, 3, 4, 99], range(3))
print(s)
s = set(range(10))
s.difference_update([1, 2], {3}, (4,))
print(s)
s.symmetric_difference_update([5, 6, 100])
print(s)
s.symmetric_difference_update({0: 1})
print(s)
s.update()
print(s)
