# a str subclass with its own __hash__/__eq__: dict and set lookups call them (case-insensitive keys)
class Caseless(str):
    def __hash__(self):
        return hash(self.lower())
    def __eq__(self, other):
        return isinstance(other, str) and self.lower() == other.lower()
d = {Caseless("Name"): 1}
print(Caseless("NAME") in d, d.get(Caseless("name")), d[Caseless("nAmE")])
print("name" in d, d.get("Name"), d.get("NAME", "absent"))
d["name"] = 2
print(len(d), list(d.values()))
s = {Caseless("A"), Caseless("a"), "b"}
print(len(s), Caseless("B") in s, "A" in s)
s.add(Caseless("B"))
print(len(s))
s.discard(Caseless("b"))
print(len(s), sorted(s))
print(d.pop(Caseless("NAME")), d)
print(Caseless("x") == "X", "X" == Caseless("x"), Caseless("x") != "X", "X" != Caseless("x"))
print(hash(Caseless("Q")) == hash("q"), dict.fromkeys([Caseless("k"), Caseless("K")]))
