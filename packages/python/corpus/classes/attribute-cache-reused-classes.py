# Classes made and freed in a loop (pymem may reuse their type ids) keep their own attributes when
# one attribute site reads instances of many short-lived classes, with and without __slots__.
import gc
def make(i):
    if i % 2:
        class K:
            __slots__ = ("v", "w")
            def __init__(self):
                self.w = i
                self.v = "slot%d" % i
    else:
        class K:
            label = "class%d" % i
            def __init__(self):
                self.v = "dict%d" % i
            def show(self):
                return self.label + "/" + self.v
    return K()
def read(obj):
    return obj.v
out = []
for i in range(6):
    out.append(read(make(i)))
    gc.collect()
print(out)
print([make(i).show() for i in (0, 2, 4)])
