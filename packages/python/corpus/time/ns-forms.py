# the _ns forms agree with the float forms
import time
ns = time.perf_counter_ns()
s = time.perf_counter()
print(abs(s - ns / 1e9) < 1.0, time.monotonic_ns() > 0, time.process_time_ns() >= 0)
