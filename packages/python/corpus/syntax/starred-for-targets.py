# Starred targets work in for loops and comprehensions too.
for first, *rest in [(1, 2, 3), (4,), "xyz"]:
    print(first, rest)
print([tail for _, *tail in [(1, 2), (3, 4, 5)]])
pairs = {"a": (1, 2, 3), "b": (4, 5)}
for key, (head, *more) in pairs.items():
    print(key, head, more)
