# __eq__ that empties the list being searched (issue 11, item 1): list.count, index, remove.
class Clearing:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        l.clear()
        l.append(Clearing(-1))
        return False


l = [Clearing(1), Clearing(2), Clearing(3)]
print(l.count(Clearing(0)), len(l))
l = [Clearing(1), Clearing(2), Clearing(3)]
try:
    l.index(Clearing(0))
except ValueError:
    print("ValueError index")
print(len(l))
l = [Clearing(1), Clearing(2), Clearing(3)]
try:
    l.remove(Clearing(0))
except ValueError as e:
    print("ValueError", e)
print(len(l), l[0].n)
