# Sets and frozensets are always tracked by the collector, even empty or holding atoms.
import gc

print(gc.is_tracked(set()))
print(gc.is_tracked(frozenset()))
print(gc.is_tracked({1, 2}))
print(gc.is_tracked(frozenset([1])))
s = {1}
gc.collect()
print(gc.is_tracked(s))
print(gc.get_referents({3, 1, 2}))
