# After gc.freeze() the generations are empty; new objects start filling generation 0 again.
import gc

gc.disable()
gc.collect()


class Thing:
    pass


things = [Thing() for i in range(10)]
gc.freeze()
print("counts after freeze:", gc.get_count())
print("generation 2 objects:", len(gc.get_objects(2)))
more = [Thing() for i in range(10)]
print("young objects again:", gc.get_count()[0] >= 10)
gc.unfreeze()
print("generation 2 refilled:", len(gc.get_objects(2)) > 10)
