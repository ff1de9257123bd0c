# pop() scans from a finger in table order; clear() empties; pop from empty raises KeyError.
s = set(range(10))
print(s.pop(), s.pop(), s.pop())
print(s)
s.add(0)
print(s.pop())
s.clear()
print(s, len(s))
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)
