# gc.collect() counts what it frees: the objects of the unreachable cycle (a suspended
# generator and the instance holding it), plus each weakref whose callback dropped the last
# reference to it (CPython's handle_weakrefs).
import gc
import weakref


class Box:
    pass


def gen(label):
    try:
        yield 1
    finally:
        print("finally", label)


def self_referencing():
    me = yield
    yield me


gc.collect()
gc.disable()
box = Box()
box.g = gen("box")
next(box.g)
box.self = box
keep = weakref.ref(box.g, lambda ref: print("callback"))
del box
print("box and generator:", gc.collect())

box = Box()
box.g = gen("weakref dropped")
next(box.g)
box.self = box
refs = [weakref.ref(box.g, lambda ref: refs.clear())]
del box
print("weakref dropped by its callback:", gc.collect(), refs)

g = self_referencing()
next(g)
g.send(g)
r = weakref.ref(g)
del g
print("generator holding itself, closed by its finalizer:", gc.collect(), r())

g = gen("unstarted")
g = [g, weakref.ref(g)]
g.append(g)
del g
print("list holding an unstarted generator:", gc.collect())
