# __hash__ = None makes a class unhashable; a subclass can make it hashable again.
class Box:
    __hash__ = None


class Crate(Box):
    def __hash__(self):
        return 7


try:
    hash(Box())
except TypeError as e:
    print("TypeError", e)
print(hash(Crate()))
print(len({Crate(), Crate()}))


class Plain:
    pass


p = Plain()
print(hash(p) == hash(p), p in {p})
