# Filter and DomainFilter on a hand-made snapshot: patterns, line numbers, all_frames, domains.
import tracemalloc

traces = [
    (0, 100, (("app/main.py", 10), ("app/run.py", 1)), 2),
    (0, 200, (("app/models.py", 5), ("app/main.py", 12)), 2),
    (0, 300, (("/usr/lib/python3.13/json.py", 7), ("app/main.py", 14)), 2),
    (1, 400, (("app/main.py", 10),), 1),
    (0, 50, (("<unknown>", 0),), 1),
]
snapshot = tracemalloc.Snapshot(traces, 2)

def show(label, filters):
    kept = snapshot.filter_traces(filters)
    print(label, [t.size for t in kept.traces])

show("no filters", [])
show("only app/*", [tracemalloc.Filter(True, "app/*")])
show("not lib", [tracemalloc.Filter(False, "*/lib/*")])
show("main.py line 10", [tracemalloc.Filter(True, "app/main.py", lineno=10)])
show("any frame in main", [tracemalloc.Filter(True, "app/main.py", all_frames=True)])
show("no frame in main", [tracemalloc.Filter(False, "app/main.py", all_frames=True)])
show("exclude unknown", [tracemalloc.Filter(False, "<unknown>")])
show("domain 1", [tracemalloc.DomainFilter(True, 1)])
show("not domain 1", [tracemalloc.DomainFilter(False, 1)])
show("app but not models", [tracemalloc.Filter(True, "app/*"), tracemalloc.Filter(False, "*models*")])
show("question mark", [tracemalloc.Filter(True, "app/m???.py")])
show("classes", [tracemalloc.Filter(True, "app/[mr]*.py"), tracemalloc.Filter(False, "app/[!m]*")])
show("filter with domain", [tracemalloc.Filter(True, "app/main.py", domain=0)])
f = tracemalloc.Filter(True, "mod.pyc", lineno=3)
print(f.filename_pattern, f.lineno, f.inclusive, f.all_frames, f.domain)
print(tracemalloc.DomainFilter(False, 4).domain)
try:
    snapshot.filter_traces(5)
except TypeError as e:
    print(e)
