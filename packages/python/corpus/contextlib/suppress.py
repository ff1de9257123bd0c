# suppress(): one type, a base class, no types, several types, and exceptions it lets through.
from contextlib import suppress

with suppress(KeyError):
    d = {}
    print(d["missing"])
print("after KeyError")

with suppress(LookupError):
    [][3]
print("IndexError is a LookupError")

with suppress():
    pass
print("empty suppress")

try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed: ZeroDivisionError")

with suppress(ValueError, TypeError):
    int("x")
print("ValueError suppressed")

with suppress(Exception) as s:
    print("enter returned", s)
    raise RuntimeError

counts = {}
for word in ["a", "b", "a"]:
    with suppress(KeyError):
        counts[word] = counts[word] + 1
        continue
    counts[word] = 1
print(counts)

def first(items):
    with suppress(IndexError):
        return items[0]
    return "none"
print(first([7]), first([]))
