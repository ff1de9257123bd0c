# Comprehensions are inlined in 3.13: the loop variable is the only extra reference to each item.
import sys


class Thing:
    pass


things = [Thing(), Thing()]
print("in a comprehension:", [sys.getrefcount(x) for x in things])
copies = [x for x in things]
print("after copying:", sys.getrefcount(things[0]))
pairs = [[x, x] for x in things]
print("in pairs:", sys.getrefcount(things[1]))
del copies, pairs
print("back:", sys.getrefcount(things[0]))
for item in things:
    print("in a for loop:", sys.getrefcount(item))
