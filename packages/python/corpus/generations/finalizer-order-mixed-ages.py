# When garbage mixes objects of different ages, finalizers run in the order the generations'
# lists hold them, and earlier collections reorder survivors as CPython's traversals do (lists
# and tuples from their last item, dicts in insertion order).
import gc

class F:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("fin", self.name)

gc.disable()
old = [F("old%d" % i) for i in range(3)]
old_t = (F("tup0"), F("tup1"))
old_d = {"k%d" % i: F("dict%d" % i) for i in range(3)}
gc.collect()
mid = [F("mid%d" % i) for i in range(3)]
gc.collect(0)
young = [F("young%d" % i) for i in range(3)]
old = old_t = old_d = mid = young = None
print("collected:", gc.collect())
