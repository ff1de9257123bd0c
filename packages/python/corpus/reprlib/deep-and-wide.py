# Repr on deep nesting, wide containers, long ints and strings, and maxlevel 0.
import reprlib

deep = []
node = deep
for i in range(50):
    node.append([i])
    node = node[0]
print(reprlib.repr(deep))
print(reprlib.Repr(maxlevel=1).repr(deep), reprlib.Repr(maxlevel=0).repr([1, 2]))
print(reprlib.Repr(maxlevel=0).repr({1: 2}), reprlib.Repr(maxlevel=0).repr([]))
wide = {i: list(range(i)) for i in range(30)}
print(reprlib.repr(wide))
print(reprlib.Repr(maxdict=2, maxlist=1).repr(wide))
print(reprlib.repr(-(10 ** 60)), reprlib.Repr(maxlong=3).repr(12345), reprlib.Repr(maxlong=0).repr(7))
print(reprlib.repr('quote\'s "mixed" ' * 5), reprlib.Repr(maxstring=0).repr('abc'))
print(reprlib.repr(tuple(range(6))), reprlib.repr(tuple(range(7))), reprlib.repr(()))
r = reprlib.Repr()
r.maxtuple = 2
r.fillvalue = '<…>'
print(r.repr((1, 2, 3)), r.repr([(1, 2, 3)]))
print(reprlib.repr(range(1000)), reprlib.repr(reprlib.Repr))
