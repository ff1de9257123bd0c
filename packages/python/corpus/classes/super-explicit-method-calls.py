# super(C, self).method(...) — two-argument super, calling a method the super type itself has.
class Base(object):
    def __init__(self, strength):
        super(Base, self).__init__()
        self.strength = strength

    def describe(self):
        return f"Base({self.strength})"

    def __repr__(self):
        return "<Base repr>"


class Derived(Base):
    def __init__(self, a, b, strength):
        super(Derived, self).__init__(strength)
        self.a, self.b = a, b

    def describe(self):
        return "Derived+" + super(Derived, self).describe()

    def __repr__(self):
        return "Derived/" + super(Derived, self).__repr__()


d = Derived(1, 2, 3)
print(d.strength, d.a, d.b, d.describe(), repr(d))
proxy = super(Derived, d)
print(proxy.__init__.__qualname__, proxy.__repr__())
proxy.__init__(9)
print(d.strength)
print(super(Derived, d).__getattribute__("a"))
