# the callback-less weakref.ref is shared, subclass refs never are; getweakrefs sees them all
import weakref
class Target:
    pass
class R(weakref.ref):
    pass
t = Target()
a = weakref.ref(t)
b = weakref.ref(t)
print(a is b, weakref.getweakrefcount(t))
s1 = R(t)
s2 = R(t)
print(s1 is s2, s1 is a, weakref.getweakrefcount(t))
print([type(r).__name__ for r in weakref.getweakrefs(t)])
def cb(ref):
    pass
c = weakref.ref(t, cb)
print([type(r).__name__ for r in weakref.getweakrefs(t)], weakref.getweakrefs(t)[0] is a)
u = Target()
first = R(u)
plain = weakref.ref(u)
print([type(r).__name__ for r in weakref.getweakrefs(u)], weakref.ref(u) is plain)
del s2
print(weakref.getweakrefcount(t), weakref.getweakrefcount(u))
del first, plain
print(weakref.getweakrefcount(u))
