# IntFlag members are ints too: they combine with plain ints and keep bits no member names.
from enum import IntFlag


class Access(IntFlag):
    READ = 4
    WRITE = 2
    EXECUTE = 1


rw = Access.READ | Access.WRITE
print(repr(rw), str(rw), f"{rw}", rw == 6, rw + 1, list(rw))
print(repr(Access.READ | 8), repr(Access(9)), repr(Access.READ | 1), repr(~Access.READ))
print(repr(1 | Access.WRITE), repr(Access.READ & 5), Access.READ in rw, bool(Access(0)))
print(repr(Access(0)), sorted(Access), Access.WRITE < Access.READ, hash(rw) == hash(6))
