# graphlib: static_order, the get_ready/done protocol, its errors and the cycle CPython reports
from graphlib import TopologicalSorter, CycleError
g = {"D": ["B", "C"], "C": ["A"], "B": ["A"], "E": []}
print(list(TopologicalSorter(g).static_order()))
ts = TopologicalSorter()
ts.add(3, 2, 1); ts.add(1, 0); ts.add(2, 0)
ts.prepare()
while ts:
    r = ts.get_ready(); print("ready", r); ts.done(*r)
for bad in [lambda: ts.prepare(), lambda: ts.add(9), lambda: ts.done(3), lambda: ts.done(42)]:
    try: bad()
    except ValueError as e: print(type(e).__name__, e)
t2 = TopologicalSorter({1: [2], 2: [3], 3: [1], 4: [1]})
try: t2.prepare()
except CycleError as e: print(e.args)
t3 = TopologicalSorter({"a": ["b"]}); t3.prepare()
try: t3.done("a")
except ValueError as e: print(e)
try: TopologicalSorter().get_ready()
except ValueError as e: print(e)
print(TopologicalSorter[int], issubclass(CycleError, ValueError))
