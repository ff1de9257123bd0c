# tracemalloc's argument errors and messages.
import tracemalloc

try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in [0, -1, 70000]:
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    tracemalloc.start("3")
except TypeError as e:
    print("TypeError:", e)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(4)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
snapshot = tracemalloc.take_snapshot()
print(snapshot.traceback_limit)
try:
    snapshot.statistics("size")
except ValueError as e:
    print("ValueError:", e)
try:
    snapshot.statistics("traceback", cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    snapshot.compare_to(snapshot, "module")
except ValueError as e:
    print("ValueError:", e)
tracemalloc.stop()
print(tracemalloc.get_traceback_limit() >= 1)
