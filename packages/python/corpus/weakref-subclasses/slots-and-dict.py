# a weakref.ref subclass with __slots__, and one with a __dict__, carrying extra attributes
import weakref
class Target:
    pass
class Named(weakref.ref):
    __slots__ = ("name",)
class Free(weakref.ref):
    pass
t = Target()
n = Named(t)
n.name = "first"
f = Free(t)
f.note = "anything"
f.count = 2
print(n.name, n() is t, f.note, sorted(vars(f)), f() is t)
try:
    n.other = 1
except AttributeError as error:
    print(error)
print(hasattr(n, "__dict__"), hasattr(f, "__dict__"), type(n).__name__, type(f).__mro__)
print(isinstance(n, weakref.ref), isinstance(f, weakref.ReferenceType), weakref.ref is weakref.ReferenceType)
print(type(weakref.ref(t)), type(weakref.ref(t)).__name__, Named.__base__ is weakref.ref)
del t
print(n(), f(), n.name, f.note)
