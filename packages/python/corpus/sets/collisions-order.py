# Iteration order follows the table: colliding ints probe, deleted slots are reused.
s = {0, 8}
print(s)
s.remove(0)
s.add(16)
print(s)
t = set()
for k in [5, 13, 21, 100, -1, 7, 3, 29, 37, 45]:
    t.add(k)
print(t)
t.discard(13)
t.discard(100)
t.add(61)
t.add(13)
print(t)
print({3, 5, 99})
