# subclass instances reference their class and may be weakly referenced (list/dict ones, not int/str/tuple ones)
import sys
import weakref
class L(list): pass
class D(dict): pass
class I(int): pass
base = sys.getrefcount(L)
items = [L() for _ in range(3)]
print(sys.getrefcount(L) - base)
del items
print(sys.getrefcount(L) - base)
d = D(a=1)
r = weakref.ref(d)
print(r() is d, r()["a"])
del d
print(r())
for value in (I(1), [], 1):
    try:
        weakref.ref(value)
        print("weakref ok")
    except TypeError as error:
        print("TypeError", error)
lst = L([1])
print(sys.getrefcount(lst), weakref.ref(lst)() == [1])
