# overridden __getitem__, __setitem__, __len__, __repr__ and __contains__ on a list subclass
class Clamped(list):
    def __getitem__(self, index):
        if isinstance(index, int):
            index = max(0, min(index, len(self) - 1))
        return super().__getitem__(index)
    def __setitem__(self, index, value):
        super().__setitem__(index, value * 10)
    def __repr__(self):
        return "Clamped(" + list.__repr__(self) + ")"
    def __contains__(self, item):
        return super().__contains__(item) or item == "any"
c = Clamped([1, 2, 3])
print(c[99], c[-5], c[1])
c[0] = 4
print(c, repr(c), str(c), [c])
print("any" in c, 2 in c, 9 in c, len(c))
class Short(list):
    def __len__(self):
        return 1
print(len(Short([1, 2, 3])), bool(Short()))
