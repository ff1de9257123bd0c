# The generational collector keeps young objects in generation 0. Objects that
# survive a collection move to an older generation, collected less often.
import gc

def in_generation(obj, generation):
    for candidate in gc.get_objects(generation):
        if candidate is obj:
            return True
    return False

gc.collect()
print("thresholds:", gc.get_threshold())
survivor = [1, 2, 3]
print("new list in generation 0:", in_generation(survivor, 0))
gc.collect(0)
print("after collect(0), in generation 1:", in_generation(survivor, 1))
gc.collect(1)
print("after collect(1), in generation 2:", in_generation(survivor, 2))
young = []
young.append(young)
del young
print("a young cycle, collected by collect(0):", gc.collect(0))
print("ints are not tracked:", gc.is_tracked(42), "lists are:", gc.is_tracked(survivor))
