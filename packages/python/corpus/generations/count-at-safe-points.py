# gc.get_count() sees the count pass threshold 0 until a safe point collects (CPython 3.12+)
import gc

starts = []

def on_gc(phase, info):
    if phase == "start":
        starts.append(gc.get_count())

gc.collect()
gc.set_threshold(10)
gc.callbacks.append(on_gc)
base = gc.get_count()[0]

# Thirteen new lists in one display: no safe point until the call after it, so the count goes
# past the threshold (10) without a collection. gc.get_count() returns it, then its call site
# (a check, as every call into C) runs the collection, which the callback sees start.
made = [[], [], [], [], [], [], [], [], [], [], [], []]
before = gc.get_count()
print("count read by the call:", before[0] - base)
print("collections since, and the count each saw start:", [count[0] - base for count in starts])
gc.callbacks.remove(on_gc)
gc.set_threshold(2000)
