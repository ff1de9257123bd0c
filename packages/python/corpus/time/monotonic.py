# monotonic clocks never go backwards
import time
previous = time.monotonic()
ok = True
for i in range(1000):
    now = time.monotonic()
    ok = ok and now >= previous
    previous = now
print(ok, time.perf_counter() <= time.perf_counter(), time.monotonic_ns() <= time.monotonic_ns())
