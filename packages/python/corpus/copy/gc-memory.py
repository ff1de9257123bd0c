# deep copies are independent heap objects: dropping them frees them, cycles need gc
import copy
import gc
import weakref
class Item:
    pass
gc.collect()
a = Item()
a.me = a
b = copy.deepcopy(a)
print(b.me is b, b is not a)
rb = weakref.ref(b)
del b
print('copied cycle alive before collect:', rb() is not None)
gc.collect()
print('copied cycle alive after collect:', rb() is not None)
plain = Item()
plain.data = [1, 2, 3]
c = copy.copy(plain)
print(c.data is plain.data)
rc = weakref.ref(c)
del c
print('shallow copy freed at once:', rc() is None)
