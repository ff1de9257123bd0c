# __new__ and __init__ of a ref subclass take the referent and the callback; super() reaches ref's
import weakref
class Target:
    pass
class Labelled(weakref.ref):
    def __new__(cls, ob, callback=None, label="?"):
        print("new", cls.__name__, label)
        return super().__new__(cls, ob, callback)
    def __init__(self, ob, callback=None, label="?"):
        print("init", label)
        super().__init__(ob, callback)
        self.label = label
def gone(ref):
    print("gone", type(ref).__name__, ref.label, ref())
t = Target()
r = Labelled(t, gone, label="L")
print(r.label, r() is t, r.__callback__ is gone, Labelled(t).__callback__)
class Plain(weakref.ref):
    pass
p = Plain(t, None)
print(p() is t, p.__callback__)
del t
print("after del")
for bad in [lambda: Plain(), lambda: Plain(Target(), None, 3), lambda: Plain(1), lambda: Plain(Target(), x=1)]:
    try:
        bad()
    except TypeError as error:
        print(error)
print(weakref.ref.__new__(Plain, Target()).__class__.__name__)
