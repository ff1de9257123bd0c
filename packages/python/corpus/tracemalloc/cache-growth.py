# Finding an unbounded memoisation cache: compare_to with nframe=2 and cumulative statistics name the caller.
import tracemalloc

_cache = {}

def expensive(key):
    if key not in _cache:
        _cache[key] = [key] * 20
    return _cache[key]

def report(n):
    return [len(expensive("item-%d" % i)) for i in range(n)]

tracemalloc.start(2)
first = tracemalloc.take_snapshot()
report(150)
second = tracemalloc.take_snapshot()
diff = second.compare_to(first, "lineno")
print("top line:", diff[0].traceback[0].lineno)
cumulative = second.compare_to(first, "lineno", cumulative=True)
lines = [s.traceback[0].lineno for s in cumulative if s.traceback[0].filename.endswith("cache-growth.py")]
print("lines 8 and 12 in the cumulative view:", 8 in lines, 12 in lines)
by_traceback = second.compare_to(first, "traceback")
frames = [[f.lineno for f in s.traceback] for s in by_traceback[:1]]
print("the biggest traceback:", frames)
_cache.clear()
third = tracemalloc.take_snapshot()
shrunk = [s for s in third.compare_to(second, "lineno") if s.traceback[0].lineno == 8]
print("after clearing the cache:", shrunk[0].size_diff < 0, shrunk[0].count_diff < 0)
tracemalloc.stop()
