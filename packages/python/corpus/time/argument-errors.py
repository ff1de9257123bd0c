# wrong arguments: CPython's errors for the clocks and sleep
import time
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("time(1)", lambda: time.time(1))
attempt("perf_counter_ns(1)", lambda: time.perf_counter_ns(1))
attempt("sleep()", lambda: time.sleep())
attempt("sleep('a')", lambda: time.sleep("a"))
attempt("sleep(None)", lambda: time.sleep(None))
attempt("sleep(-1)", lambda: time.sleep(-1))
attempt("sleep(nan)", lambda: time.sleep(float("nan")))
attempt("sleep(x=1)", lambda: time.sleep(x=1))
attempt("monotonic(x=1)", lambda: time.monotonic(x=1))
