# Containers made by list(), dict() and tuple() are tracked like displays and collected alike.
import gc

gc.disable()
gc.collect()
a = list()
a.append(a)
del a
print("list():", gc.collect())
d = dict(name="loop")
d["self"] = d
del d
print("dict():", gc.collect())
holder = []
t = tuple([holder, 1])
holder.append(t)
del t, holder
print("tuple():", gc.collect())
