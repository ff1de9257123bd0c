# argument errors of ref subclasses and of ref.__new__/__init__ called directly
import weakref
class Target:
    pass
class R(weakref.ref):
    pass
def attempt(make):
    try:
        make()
        print("made")
    except TypeError as error:
        print(error)
attempt(lambda: R())
attempt(lambda: R(1))
attempt(lambda: R(Target(), None, None))
attempt(lambda: R(Target(), callback=None))
attempt(lambda: weakref.ref(Target(), None, 1))
attempt(lambda: weakref.ref.__new__(R, Target()))
attempt(lambda: weakref.ref.__init__(R(Target())))
attempt(lambda: weakref.ref("text"))
class Kw(weakref.ref):
    def __init__(self, ob, callback=None, **extra):
        super().__init__(ob, callback)
        self.extra = extra
keep = Target()
print(Kw(keep, None, a=1).extra)
