# callbacks receive the subclass instance itself, dead, with its attributes; order newest first
import weakref
class Target:
    pass
class Tagged(weakref.ref):
    __slots__ = ("tag",)
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
seen = []
def report(ref):
    seen.append(ref)
    print("callback", type(ref).__name__, ref.tag, ref())
t = Target()
refs = [Tagged(t, report, tag=i) for i in range(3)]
plain = weakref.ref(t, lambda ref: print("plain callback", ref()))
del t
print([r is s for r, s in zip(reversed(refs), seen)])
def failing(ref):
    raise ValueError(ref.tag)
u = Target()
keep = Tagged(u, failing, tag="boom")
print("before")
del u
print("after", keep())
