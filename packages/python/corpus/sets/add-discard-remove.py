# add, discard and remove, including missing keys and KeyError's message.
s = set()
s.add(1)
s.add(2)
s.add(1)
print(s, len(s))
s.discard(5)
s.discard(2)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
s.remove(1)
print(s)
try:
    s.remove((1, 2))
except KeyError as e:
    print("KeyError", e)
