# Several weakrefs with callbacks on one object: callbacks run newest first.
import weakref


class Target:
    pass


def make_callback(label):
    def callback(ref):
        print("callback", label)

    return callback


t = Target()
refs = []
for label in ["first", "second", "third"]:
    refs.append(weakref.ref(t, make_callback(label)))
print("count", weakref.getweakrefcount(t))
del t
print("done")
