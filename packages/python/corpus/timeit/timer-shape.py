# timeit: the deterministic parts — how many times the statement and setup run, result shapes,
# globals, callables, autorange's numbers, errors. Timings themselves are never printed.
import gc
import timeit

counter = [0]


def bump():
    counter[0] += 1


t = timeit.Timer("bump()", globals=globals())
elapsed = t.timeit(number=7)
print(type(elapsed).__name__, elapsed >= 0, counter[0])

counter[0] = 0
runs = t.repeat(repeat=3, number=4)
print(len(runs), all(isinstance(r, float) and r >= 0 for r in runs), counter[0])

# A callable statement and setup: setup runs once per timeit call.
calls = []
t = timeit.Timer(lambda: calls.append("stmt"), setup=lambda: calls.append("setup"))
t.timeit(3)
print(calls)

# String setup defines names the statement uses; the namespace is fresh per Timer.
print(timeit.timeit("x += 1", setup="x = 0", number=10) >= 0)
print(timeit.repeat("y = [i for i in range(5)]", repeat=2, number=3).__len__())

# Without globals=, the statement runs in timeit's own namespace.
try:
    timeit.timeit("bump()", number=1)
except NameError as e:
    print("NameError:", e)

# gc is disabled while timing and restored afterwards.
seen = []
timeit.timeit(lambda: seen.append(gc.isenabled()), number=2)
print(seen, gc.isenabled())
gc.disable()
timeit.timeit("pass", number=1)
print(gc.isenabled())
gc.enable()

# A fake timer makes autorange deterministic: each reading jumps further than the last, so
# successive timeit calls "take" 0.016 s, 0.256 s, ...
clock = [0.0]
ticks = [0]


def fake_timer():
    ticks[0] += 1
    clock[0] += 0.001 * 4 ** ticks[0]
    return clock[0]


steps = []
number, taken = timeit.Timer("pass", timer=fake_timer).autorange(lambda n, s: steps.append(n))
print(steps, number, round(taken, 6))

clock[0] = 0.0


def slow_timer():
    clock[0] += 0.25
    return clock[0]


print(timeit.Timer("pass", timer=slow_timer).autorange())
print(timeit.Timer("pass", timer=slow_timer).repeat(2, 5))

for stmt, setup in [(1, "pass"), ("pass", 2), ("return 1", "pass"), ("x = (", "pass")]:
    try:
        timeit.Timer(stmt, setup)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e)

print(timeit.default_timer is __import__("time").perf_counter, timeit.default_number,
      timeit.default_repeat, sorted(timeit.__all__))
