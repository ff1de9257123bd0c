# subclass refs compare and hash by their referent like plain refs; as dict keys they find each other
import weakref
class Target:
    pass
class R(weakref.ref):
    pass
t = Target()
u = Target()
r1, r2, plain = R(t), R(t), weakref.ref(t)
print(r1 == r2, r1 == plain, plain == r1, r1 != plain, r1 == R(u), hash(r1) == hash(plain) == hash(t))
table = {plain: "t"}
print(table[r1], r2 in table, R(u) in table, len({r1, r2, plain}))
print(weakref.ref.__eq__(r1, plain), weakref.ref.__hash__(r1) == hash(t), r1.__eq__(1))
hash_before = hash(r1)
del t
print(r1 == r2, r1 == r1, r1 != r2, hash(r1) == hash_before)
dead = R(Target())
try:
    hash(dead)
except TypeError as error:
    print(error)
class Keyed(weakref.ref):
    def __eq__(self, other):
        return isinstance(other, Keyed) and self.key == other.key
    def __hash__(self):
        return hash(self.key)
a = Keyed(u)
a.key = "k"
b = Keyed(Target())
b.key = "k"
print(a == b, {a: 1}.get(b), b in {a}, Keyed.__hash__ is not None)
