# Property subclasses: getter/setter/deleter build the subclass; __doc__ lives in the instance dict
class P(property):
    "class doc of P"

def g(self):
    "getter doc"
    return 1
def h(self):
    return 2

p = P(g)
print(p.__doc__, vars(p))
q = P(h)
print(q.__doc__, vars(q))
r = P(h, doc="explicit")
print(r.__doc__)
for copy in (p.getter(h), p.setter(h), p.deleter(h), r.getter(g)):
    print(type(copy).__name__, copy.__doc__, copy.fget.__name__)
print(P.__doc__, property(g).__doc__, property(h).__doc__)
print(property(g).getter(h).__doc__, property(g, doc="d").getter(h).__doc__)

class Slotted(property):
    __slots__ = ()
s = Slotted(h, doc="no room")
print(s.__doc__, s.fget is h)
try:
    Slotted(g)
except AttributeError as e:
    print(type(e).__name__, e)

class Named(property):
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        super().__set_name__(owner, name)
class C:
    x = Named(h)
print(C.x.__name__, C().x)
