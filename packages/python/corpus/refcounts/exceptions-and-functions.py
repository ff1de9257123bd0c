# Reference counts of an exception inside its handler, of a function, and of fresh containers.
import sys


def f():
    pass


print("function bound to one global:", sys.getrefcount(f))
try:
    raise ValueError("v")
except ValueError as e:
    print("exception in its handler:", sys.getrefcount(e))
    saved = e
    print("plus a saved name:", sys.getrefcount(e))
print("after the handler:", sys.getrefcount(saved))
g = [1, 2]
print("list:", sys.getrefcount(g), "fresh list:", sys.getrefcount([]), "fresh dict:", sys.getrefcount({}))
