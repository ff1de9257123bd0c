# A for loop holds the current item through the loop variable, and the list through its iterator.
import sys


class Thing:
    pass


items = [Thing(), Thing()]
for item in items:
    print("current item:", sys.getrefcount(item))
print("after loop, last item:", sys.getrefcount(items[1]))
print("first item:", sys.getrefcount(items[0]))
