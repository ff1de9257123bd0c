# set and frozenset subclasses: methods, operators returning base types, repr with the class name
class Tags(set):
    def add_all(self, *items):
        for item in items:
            self.add(item)
t = Tags(["a", "b"])
t.add_all("c", "d")
t.discard("a")
print(sorted(t), len(t), "c" in t, type(t).__name__, isinstance(t, set))
u = t | {"z"}
print(sorted(u), type(u).__name__, type(t & {"c"}).__name__, sorted(t - {"c"}))
t |= {"y"}
print(type(t).__name__, sorted(t), t == {"b", "c", "d", "y"}, t.issubset({"b", "c", "d", "y", "q"}))
print(repr(Tags()), repr(Tags([1])))
class Frozen(frozenset):
    pass
f = Frozen([3, 1])
print(repr(f), sorted(f), hash(f) == hash(frozenset([1, 3])), {f: 1}[frozenset([1, 3])], f | {9})
print(type(f | {9}).__name__, Frozen() == frozenset(), len(Frozen("abca")))
try:
    {Tags(): 1}
except TypeError as error:
    print("TypeError", error)
