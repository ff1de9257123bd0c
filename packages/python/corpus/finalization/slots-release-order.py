# __slots__ values are released in sorted name order (CPython's type_new sorts the slot names),
# not in the order the class lists them; a subclass's slots go before its base's.
class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

class S:
    __slots__ = ("zeta", "alpha", "mid")

class T(S):
    __slots__ = ("b", "__weakref__", "a")

s = S()
s.zeta, s.alpha, s.mid = Loud("zeta"), Loud("alpha"), Loud("mid")
del s
t = T()
t.zeta, t.alpha, t.mid, t.b, t.a = Loud("zeta"), Loud("alpha"), Loud("mid"), Loud("b"), Loud("a")
del t
print(S.__slots__, T.__slots__)
