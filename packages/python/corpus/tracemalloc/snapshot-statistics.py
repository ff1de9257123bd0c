# Snapshot.statistics by line, file and traceback, cumulative, and compare_to on hand-made traces.
import tracemalloc

old = tracemalloc.Snapshot([
    (0, 100, (("a.py", 1), ("main.py", 9)), 2),
    (0, 100, (("a.py", 1), ("main.py", 9)), 2),
    (0, 60, (("b.py", 4), ("a.py", 2)), 2),
    (0, 500, (("gone.py", 3), ("main.py", 8)), 2),
], 2)
new = tracemalloc.Snapshot([
    (0, 100, (("a.py", 1), ("main.py", 9)), 2),
    (0, 300, (("a.py", 1), ("main.py", 7)), 2),
    (0, 60, (("b.py", 4), ("a.py", 2)), 2),
    (0, 60, (("b.py", 5), ("a.py", 2)), 2),
    (0, 40, (("c.py", 1), ("c.py", 1)), 2),
], 2)
for key in ["lineno", "filename", "traceback"]:
    print(key)
    for stat in new.statistics(key):
        print("  ", stat)
print("cumulative lineno")
for stat in new.statistics("lineno", cumulative=True):
    print("  ", stat)
print("cumulative filename")
for stat in new.statistics("filename", cumulative=True):
    print("  ", stat)
print("compare_to lineno")
for stat in new.compare_to(old, "lineno"):
    print("  ", stat)
print("compare_to traceback")
for stat in new.compare_to(old, "traceback"):
    print("  ", stat)
    print("     ", stat.traceback.format())
print(len(new.traces), new.traceback_limit)
