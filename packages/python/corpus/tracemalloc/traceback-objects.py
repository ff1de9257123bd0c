# Traceback and Frame objects built by hand: order (oldest first), str, repr, format, comparisons.
import tracemalloc

tb = tracemalloc.Traceback((("inner.py", 30), ("middle.py", 20), ("outer.py", 10)), 5)
print(len(tb), str(tb), repr(tb))
print([str(frame) for frame in tb])
print(tb[0].filename, tb[0].lineno, tb[-1].filename, repr(tb[-1]))
print(tb.total_nframe, tracemalloc.Traceback((("a.py", 1),)).total_nframe)
for line in tb.format():
    print(line)
print(tb.format(limit=1), tb.format(limit=-1))
print(tb.format(most_recent_first=True))
print(tb.format(limit=2, most_recent_first=True))
f1 = tracemalloc.Frame(("a.py", 1))
f2 = tracemalloc.Frame(("a.py", 2))
print(f1 < f2, f1 == tracemalloc.Frame(("a.py", 1)), f2 > f1, f1 <= f1, hash(f1) == hash(("a.py", 1)))
print(f1 in tracemalloc.Traceback((("a.py", 1),)), f2 in tracemalloc.Traceback((("a.py", 1),)))
t1 = tracemalloc.Traceback((("a.py", 1),))
t2 = tracemalloc.Traceback((("b.py", 1),))
print(t1 < t2, t2 > t1, t1 == tracemalloc.Traceback((("a.py", 1),)), sorted([t2, t1])[0])
trace = tracemalloc.Snapshot([(0, 2048, (("x.py", 3),), 1)], 1).traces[0]
print(str(trace), repr(trace), trace.size, trace.domain, trace.traceback)
