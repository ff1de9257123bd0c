# Object churn with finalizers and weakrefs: most objects die by reference counting (finalizer
# and weakref callback run at once); one in ten is in a cycle and waits for the collector.
import weakref
import _gclab as lab

class Resource:
    def __init__(self, n):
        self.n = n
        self.peer = None
    def __del__(self):
        pass

class Sentinel:
    def __init__(self, count):
        self.count = count
    def __del__(self):
        lab.freed(self.count)

callbacks = [0]
def on_death(ref):
    callbacks[0] += 1

refs = []
for i in range(lab.scaled(60000)):
    r = Resource(i)
    refs.append(weakref.ref(r, on_death))
    if i % 10 == 0:
        s = Resource(-i)
        r.peer = s
        s.peer = r
        s.sentinel = Sentinel(2)
        lab.dropped(2)
    if len(refs) > 1000:
        refs = []
lab.sample()
