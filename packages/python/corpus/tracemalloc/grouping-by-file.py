# statistics('filename') and statistics('lineno') on a live program: this file's lines and counts of its objects.
import tracemalloc

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

tracemalloc.start()
points = [Point(i, i) for i in range(250)]
more = [Point(i, -i) for i in range(100)]
snapshot = tracemalloc.take_snapshot()
here = [s for s in snapshot.statistics("filename") if s.traceback[0].filename.endswith("grouping-by-file.py")]
print(len(here), here[0].traceback[0].lineno, here[0].count >= 350)
by_line = {s.traceback[0].lineno: s for s in snapshot.statistics("lineno")
           if s.traceback[0].filename.endswith("grouping-by-file.py")}
print(sorted(by_line)[:2])
print(by_line[11].size > by_line[12].size, by_line[11].count > by_line[12].count)
tracemalloc.stop()
