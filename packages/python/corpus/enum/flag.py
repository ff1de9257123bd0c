# Flag members combine with | & ^ ~ into pseudo-members; iteration, len, bool and `in` see the bits.
from enum import Flag, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.name, rw.value, list(rw), len(rw), bool(rw))
print(Perm.R in rw, Perm.X in rw, rw & Perm.W, rw ^ Perm.R, repr(~Perm.R), repr(~rw))
print(repr(Perm(0)), str(Perm(0)), bool(Perm(0)), list(Perm(0)), Perm(7), Perm(6) is rw)
print(list(Perm), len(Perm), repr(Perm))


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Color), list(Color.__members__), Color.WHITE, list(Color.WHITE), Color(3))
print([m.value for m in Color], repr(Color.RED | Color.BLUE), repr(~Color.WHITE))
for attempt in (lambda: Perm(8), lambda: Perm.R | 1, lambda: 1 in rw, lambda: Perm("x")):
    try:
        attempt()
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
