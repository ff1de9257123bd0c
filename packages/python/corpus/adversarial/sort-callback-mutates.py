# list.sort empties the list while key functions and __lt__ run (issue 11, item 1).
class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"C({self.n})"


l = [C(1), C(2), C(3)]


def replace_first(x):
    l[0] = C(99)
    return x.n


try:
    l.sort(key=replace_first)
except IndexError as e:
    print("IndexError", e)
print(l)

l = [C(3), C(1), C(2)]


def append_then_pop(x):
    l.append(C(7))
    l.pop()
    return x.n


try:
    l.sort(key=append_then_pop)
except ValueError as e:
    print("ValueError", e)
print(l)

l = [C(3), C(1), C(2)]


def look(x):
    print("during sort:", len(l), l)
    return x.n


l.sort(key=look)
print(l)


class Mutating:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        l.clear()
        l.append(C(5))
        return self.n < other.n

    def __repr__(self):
        return f"M({self.n})"


l = [Mutating(3), Mutating(1), Mutating(2)]
try:
    l.sort()
except ValueError as e:
    print("ValueError", e)
print(l)
print(sorted(l, key=lambda m: -m.n))
