# Survivors of a collection move to the next generation and reset the younger counts.
import gc

gc.disable()
gc.collect()
keep = [[] for i in range(3)]
gc.collect(0)
print("after collect(0):", gc.get_count())
gc.collect(0)
print("again collect(0):", gc.get_count())
gc.collect(1)
print("after collect(1):", gc.get_count())
gc.collect(2)
print("after collect(2):", gc.get_count())
