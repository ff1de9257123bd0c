# int and float subclasses with __hash__/__eq__ overrides as dict and set keys
class Mod10(int):
    def __hash__(self):
        return int(self) % 10
    def __eq__(self, other):
        return isinstance(other, int) and int(self) % 10 == int(other) % 10
d = {Mod10(3): "three"}
print(d.get(Mod10(13)), Mod10(23) in d, 3 in d, d.get(13), Mod10(13) in {3: 0})
print({Mod10(1), Mod10(11), Mod10(21)}, len({Mod10(1), 1, 11}))
class Rounded(float):
    def __hash__(self):
        return hash(round(self, 1))
    def __eq__(self, other):
        return round(self, 1) == round(other, 1)
keys = {Rounded(0.11): "a"}
print(keys.get(Rounded(0.14)), keys.get(Rounded(0.16)), 0.1 in keys, Rounded(0.12) in keys)
print(len({Rounded(1.01), Rounded(1.02), Rounded(1.5)}))
class Loud(int):
    def __hash__(self):
        print("hash", int(self))
        return int.__hash__(self)
table = {Loud(5): 1}
print(table[5], Loud(7) in table)
print(hash(Loud(9)))
counts = {}
for n in [Mod10(4), Mod10(14), Mod10(5)]:
    counts[n] = counts.get(n, 0) + 1
print(sorted(counts.values()))
