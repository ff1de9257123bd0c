# a group referring to itself through __context__ and a held frame is collected
import gc

class Tracked(Exception):
    pass

def make():
    try:
        raise ExceptionGroup("eg", [Tracked(1)])
    except* Tracked as e:
        group = e
        group.self_ref = group
    return group

gc.collect()
g = make()
print(type(g).__name__, g.self_ref is g)
del g
print("collected:", gc.collect() > 0)
eg = ExceptionGroup("c", [ValueError()])
eg.exceptions[0].group = eg
del eg
print("collected again:", gc.collect() > 0)
