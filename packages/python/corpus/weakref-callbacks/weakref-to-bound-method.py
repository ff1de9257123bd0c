# A weakref to a bound method dies at once: the method object was a temporary.
import weakref


class Service:
    def run(self):
        return "running"


def on_death(ref):
    print("bound method object died")


s = Service()
r = weakref.ref(s.run, on_death)
print("method alive:", r() is not None)
m = s.run
r2 = weakref.ref(m)
print("stored method alive:", r2() is not None, r2()())
del m
print("after del:", r2() is None)
