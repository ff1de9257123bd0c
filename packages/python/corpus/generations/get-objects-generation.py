# gc.get_objects(generation) sees new objects in generation 0 and survivors one generation up.
import gc

gc.disable()
gc.collect()


class Marker:
    pass


def markers_in(generation):
    found = 0
    for obj in gc.get_objects(generation):
        if type(obj) is Marker:
            found += 1
    return found


m1 = Marker()
m2 = Marker()
print("gen0:", markers_in(0), "gen1:", markers_in(1), "gen2:", markers_in(2))
gc.collect(0)
print("gen0:", markers_in(0), "gen1:", markers_in(1), "gen2:", markers_in(2))
gc.collect(1)
print("gen0:", markers_in(0), "gen1:", markers_in(1), "gen2:", markers_in(2))
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError", e)
