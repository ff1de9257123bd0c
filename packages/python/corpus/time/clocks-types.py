# every clock returns a float (or an int for the _ns forms)
import time
for name in ["time", "perf_counter", "monotonic", "process_time"]:
    print(name, type(getattr(time, name)()).__name__)
for name in ["perf_counter_ns", "monotonic_ns", "process_time_ns"]:
    print(name, type(getattr(time, name)()).__name__)
