# Cycles through dictionaries: a dict holding itself and an instance held by its own dict entry.
import gc

gc.disable()
d = {}
d["self"] = d
del d
print("dict self loop:", gc.collect())


class Holder:
    pass


h = Holder()
h.table = {"owner": h, "n": 1}
del h
print("instance and dict:", gc.collect())
