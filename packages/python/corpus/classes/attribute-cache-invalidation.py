# Attribute lookups stay right when classes change after use (pymem caches them per class version
# and per site): a base's method replaced or deleted, a shadowing attribute, a property added later.
class Base:
    kind = "b"
    def greet(self): return "base"
class Mid(Base): pass
class Leaf(Mid): pass
obj = Leaf()
def run(n): return [obj.greet() for _ in range(n)]
print(run(2), obj.kind)
Base.greet = lambda self: "patched"
Mid.greet = lambda self: "mid"
print(run(2))
del Mid.greet
print(run(2))
del Base.kind
try:
    obj.kind
except AttributeError as error:
    print(error)
Base.kind = "again"
obj.greet = lambda: "own"
print(obj.kind, obj.greet(), Leaf().greet())
class P:
    def __init__(self, first):
        if first: self.a = 1; self.b = 2
        else: self.b = 20; self.a = 10
points = [P(i % 2 == 0) for i in range(4)]
for p in points: p.a += 100
print([(p.a, p.b) for p in points])
del points[0].a
points[0].a = 5
print(points[0].a, points[0].__dict__)
class D: pass
d = D(); d.x = 1
values = [d.x]
D.x = property(lambda self: "prop")
D.__getattr__ = lambda self, name: "missing " + name
print(values, d.x, d.y, [d.x for _ in range(2)])
