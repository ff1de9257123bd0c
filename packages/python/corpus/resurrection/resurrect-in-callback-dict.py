# Resurrection during a collection with several finalizers: each runs once, then all are freed.
import gc

gc.disable()
gc.collect()
keep = {}


class Member:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)
        if self.name == "b":
            keep["b"] = self


a = Member("a")
b = Member("b")
c = Member("c")
a.next = b
b.next = c
c.next = a
del a, b, c
print("first:", gc.collect())
print("kept:", keep["b"].name, keep["b"].next.name)
keep.clear()
print("second:", gc.collect())
