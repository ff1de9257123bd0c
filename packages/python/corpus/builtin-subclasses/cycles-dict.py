# dict subclass instances in cycles: through a value, through the instance dict, between two
import gc
class Registry(dict):
    def __del__(self):
        print("del", self.get("name"))
gc.collect()
r = Registry(name="self")
r["me"] = r
del r
print("collected", gc.collect())
x = Registry(name="x")
y = Registry(name="y")
x["other"] = y
y.back = x
del x, y
print("collected", gc.collect())
class Bag(dict):
    pass
b = Bag()
print(gc.is_tracked(b), gc.is_tracked({}), gc.is_tracked(Bag(a=1)))
b["loop"] = [b]
del b
print("collected", gc.collect())
