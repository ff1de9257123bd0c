# key= for searching and inserting records by a field
import bisect
people = [("ann", 23), ("bob", 31), ("cy", 31), ("dee", 47)]
age = lambda person: person[1]
print(bisect.bisect_left(people, 31, key=age), bisect.bisect_right(people, 31, key=age))
bisect.insort(people, ("eve", 31), key=age)
bisect.insort_left(people, ("fay", 31), key=age)
print(people)
print(bisect.bisect([3, 2, 1], -2, key=lambda v: -v))
