# A cycle with two weakly-referenced members: all callbacks run before any __del__.
import gc
import weakref

gc.disable()
gc.collect()


class Member:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


def report(ref):
    print("callback, referent gone:", ref() is None)


a = Member("a")
b = Member("b")
a.other = b
b.other = a
refs = [weakref.ref(a, report), weakref.ref(b, report)]
del a, b
print("collected:", gc.collect())
