# A __slots__ class is weakly referenceable only when it lists "__weakref__".
import weakref


class Compact:
    __slots__ = ("value", "__weakref__")

    def __init__(self, value):
        self.value = value


def gone(ref):
    print("compact object gone")


c = Compact(3)
r = weakref.ref(c, gone)
print("alive:", r().value, weakref.getweakrefcount(c))
del c
print("dead:", r() is None)
