# tuple subclasses with __slots__ = () (the namedtuple shape): __new__, properties, operators
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
p = Point(1, 2)
print(p, p.x, p.y, len(p), p + (3,), type(p + (3,)).__name__, p[::-1], list(p), tuple(p))
x, y = p
print(x, y, p == (1, 2), hash(p) == hash((1, 2)), {p: "a"}[(1, 2)], sorted([Point(2, 0), Point(1, 5)]))
print(isinstance(p, tuple), tuple.__repr__(p), str(p), p * 2, p[0], p[-1])
try:
    p.z = 3
except AttributeError as error:
    print("AttributeError", error)
class Pair(tuple):
    __slots__ = ()
print(Pair([1, 2]), Pair(), type(Pair("ab")).__name__, Pair("ab") + Pair("c"))
