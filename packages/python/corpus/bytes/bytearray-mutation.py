# bytearray changes in place: items, append, extend, insert, pop, remove, clear, reverse, +=.
a = bytearray(b'abc')
a[0] = 65
a.append(100)
a.extend(b'ef')
a.extend([103, 104])
a.insert(0, 33)
a.insert(-1, 63)
a.insert(100, 46)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(99)
a.reverse()
print(a)
same = a
a += b'++'
a *= 2
print(a is same, a)
b = a.copy()
b.clear()
print(a, b, len(b))
del a[0]
del a[-1]
print(a)
