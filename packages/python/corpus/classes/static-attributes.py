# Python 3.13's __firstlineno__ and __static_attributes__: the class's first line (its first
# decorator's when decorated) and the sorted names its methods assign through `self`.
def register(cls):
    return cls


@register
class Point:
    """A point."""
    origin = None

    def __init__(self, x, y):
        self.y = y
        self.x = x
        self.x += 0
        self.cache: dict = {}

    def move(this, dx):
        this.x += dx          # not `self`: not counted
        (self.a, [self.b]) = 1, [2]
        del self.c            # deletion: not counted

    def nested(self):
        def helper(self):
            self.from_helper = 1
        return [0 for self.looped in range(1)]

    class Inner:
        def set(self):
            self.inner_only = True


# (pymem's class dicts lack the __dict__/__weakref__ descriptors CPython adds: left out here.)
print([name for name in Point.__dict__ if name not in ("__dict__", "__weakref__")])
print(Point.__firstlineno__, Point.Inner.__firstlineno__)
print(Point.__static_attributes__)
print(Point.Inner.__static_attributes__)
print(type("Dynamic", (), {}).__dict__.get("__static_attributes__"))
