# an int subclass: arithmetic gives plain ints, overrides and __new__ are honoured
class Port(int):
    def __new__(cls, value):
        if not 0 <= int(value) < 65536:
            raise ValueError("bad port")
        return super().__new__(cls, value)
    def describe(self):
        return f"port {int(self)}"
p = Port("8080")
print(p, repr(p), type(p).__name__, p.describe(), p + 1, type(p + 1).__name__, p * 2, -p)
print(p == 8080, p < 9000, hash(p) == hash(8080), {8080: "x"}[p], [0, 1, 2][Port(1)])
print(isinstance(p, int), int(p), float(p), str(p), f"{p}", p // 7, p % 7, 2 ** Port(3))
try:
    Port(70000)
except ValueError as error:
    print("ValueError", error)
class Flag(int):
    pass
f = Flag(5)
f.note = "five"
print(f, f.note, bool(Flag(0)), Flag(), Flag("ff", 16), int.__new__(Flag, 7), type(int.__new__(Flag, 7)).__name__)
class Loud(int):
    def __add__(self, other):
        return Loud(int(self) + int(other) + 100)
    def __repr__(self):
        return f"Loud({int(self)})"
print(Loud(1) + 2, 2 + Loud(1), sum([Loud(1), Loud(2)]))
