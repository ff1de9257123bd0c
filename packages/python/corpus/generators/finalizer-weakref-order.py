# CPython clears a dying generator's weak references before closing it (gen_dealloc):
# the weakref callback prints before the finally block, by refcount and by the collector.
import gc
import weakref


def gen(label):
    try:
        yield 1
    finally:
        print("finally", label)


g = gen("refcount")
next(g)
r = weakref.ref(g, lambda ref: print("callback refcount, referent", ref()))
del g
print("---")


class Box:
    pass


gc.disable()
box = Box()
box.g = gen("gc")
next(box.g)
keep = weakref.ref(box.g, lambda ref: print("callback gc"))
box.self = box
del box
print(gc.collect() > 0)
print("---")
unstarted = gen("never started")
r2 = weakref.ref(unstarted, lambda ref: print("callback unstarted"))
del unstarted
print("end")
