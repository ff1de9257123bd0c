# Memory of descriptor-subclass instances: tracked, cycles through them collected, __del__, weakrefs
import gc, weakref

class cached(property):
    def __del__(self):
        print('cached dies')

class holder(classmethod):
    pass

def make_cycle():
    def fget(self):
        return prop
    prop = cached(fget)
    prop.me = prop
    return weakref.ref(prop)

gc.collect()
wr = make_cycle()
print(wr() is not None, gc.is_tracked(wr()))
print(gc.collect() > 0, wr())

h = holder(len)
print(gc.is_tracked(h), len in gc.get_referents(h))
hw = weakref.ref(h)
del h
print(hw())

p = cached(abs)
refs = gc.get_referents(p)
print(abs in refs, cached in refs)
del p
print('done')
