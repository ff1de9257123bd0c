# predicates and derive overrides that raise or return the wrong thing leave no half-built groups
eg = ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [TypeError(2)])])

def boom(e):
    if isinstance(e, TypeError):
        raise RuntimeError("predicate failed")
    return False

for action in [lambda: eg.split(boom), lambda: eg.subgroup(boom)]:
    try:
        action()
    except RuntimeError as e:
        print("RuntimeError:", e)

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")

bad = BadDerive("bad", [ValueError(1), TypeError(2)])
try:
    bad.split(ValueError)
except TypeError as e:
    print("TypeError:", e)

class Mutating(ExceptionGroup):
    def derive(self, excs):
        self.__notes__ = ["changed"]
        return ExceptionGroup(self.message + "!", excs)

m = Mutating("m", [ValueError(1), TypeError(2)])
print(repr(m.split(ValueError)), getattr(m, "__notes__", None))
try:
    try:
        raise bad
    except* ValueError:
        print("not reached")
except TypeError as e:
    print("except* TypeError:", e)
