# rich comparison between a base instance and a subclass instance asks the subclass's reflected method first
def log(name, result):
    print(name, end=" ")
    return result
class S(str):
    def __eq__(self, other): return log("S.eq", str.__eq__(self, other))
    def __lt__(self, other): return log("S.lt", str.__lt__(self, other))
    def __gt__(self, other): return log("S.gt", str.__gt__(self, other))
    __hash__ = str.__hash__
class I(int):
    def __eq__(self, other): return log("I.eq", int.__eq__(self, other))
    def __ge__(self, other): return log("I.ge", int.__ge__(self, other))
    __hash__ = int.__hash__
class Fl(float):
    def __ne__(self, other): return log("Fl.ne", float.__ne__(self, other))
class T(tuple):
    def __gt__(self, other): return log("T.gt", tuple.__gt__(self, other))
class Fr(frozenset):
    def __eq__(self, other): return log("Fr.eq", frozenset.__eq__(self, other))
    __hash__ = frozenset.__hash__
print("a" == S("a"), S("a") == "a", "a" < S("b"), "b" > S("a"))
print(1 == I(1), 2 <= I(3), I(3) >= 2, 1 < I(2))
print(1.5 != Fl(1.5), Fl(1.5) != 1.5, 1.5 == Fl(1.5))
print((1,) < T((2,)), (3,) > T((2,)))
print(frozenset([1]) == Fr([1]), Fr([1]) == frozenset([1]), {1} == Fr([1]))
