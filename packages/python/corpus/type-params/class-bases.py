# a generic class keeps its explicit bases and keywords before the implicit Generic
class Base:
    def __init_subclass__(cls, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag

class Child[K, V](Base, tag="child"):
    pass

print(Child.tag, Child.__bases__)
print(Child.__orig_bases__, Child.__parameters__)

class Pair[A, B](Base):
    def __init__(self, first: A, second: B):
        self.items = (first, second)
print(Pair.__orig_bases__, Pair.__parameters__, Pair[int, str])
print(Pair(1, "x").items, Pair.tag)

class Many[T, *Ts, **P]:
    pass
print(Many.__orig_bases__, Many.__parameters__)
