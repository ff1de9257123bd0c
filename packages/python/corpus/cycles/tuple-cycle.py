# A cycle through a tuple: tuple -> list -> tuple.
import gc

gc.disable()
holder = []
t = (1, "two", holder)
holder.append(t)
del t, holder
print("tuple-list cycle:", gc.collect())
