# get_stats() returns one dict per generation with three counters.
import gc

stats = gc.get_stats()
print(type(stats).__name__, len(stats))
for entry in stats:
    print(sorted(entry.keys()))
