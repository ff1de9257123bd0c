# list, dict and set subclasses that define __hash__ become usable as keys (by their __hash__/__eq__)
class HashableList(list):
    def __hash__(self):
        return hash(tuple(self))
class HashableDict(dict):
    def __hash__(self):
        return hash(frozenset(self.items()))
class HashableSet(set):
    def __hash__(self):
        return hash(frozenset(self))
d = {HashableList([1, 2]): "list", HashableDict(a=1): "dict", HashableSet([3]): "set"}
print(d[HashableList([1, 2])], d[HashableDict(a=1)], d[HashableSet([3])])
print([1, 2] in [HashableList([1, 2])], HashableList([1]) in {HashableList([1])})
try:
    {1: 2}[[1, 2]]
except TypeError as error:
    print(error)
class Plain(list):
    pass
try:
    {Plain(): 1}
except TypeError as error:
    print(error)
print(Plain.__hash__, HashableList.__hash__ is not None, hash(HashableSet([1])) == hash(frozenset([1])))
