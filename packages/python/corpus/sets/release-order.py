# Deleting a set releases its keys in table order (hash order here).
class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return self is other

    def __del__(self):
        print("del", self.n)


s = set()
for n in [5, 1, 9, 3]:
    s.add(Key(n))
print("deleting")
del s
print("done")
