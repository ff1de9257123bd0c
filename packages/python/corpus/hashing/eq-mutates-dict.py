# An __eq__ that changes the dict during a lookup: the lookup starts over, as in CPython.
class Sneaky:
    def __init__(self, n, table):
        self.n = n
        self.table = table

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if len(self.table) < 10:
            for i in range(10):
                self.table[100 + i] = i
        return self.n == other.n


d = {}
first = Sneaky(1, d)
d[first] = "first"
d[Sneaky(2, d)] = "second"
print(len(d), d[first])
print(sorted(v for v in d.values() if isinstance(v, str)))
