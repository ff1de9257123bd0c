# get_traced_memory() follows allocations and frees; reset_peak() starts a new peak measurement.
import tracemalloc

print(tracemalloc.get_traced_memory(), tracemalloc.is_tracing())
tracemalloc.start()
start_current, start_peak = tracemalloc.get_traced_memory()
data = [list(range(50)) for _ in range(100)]
current, peak = tracemalloc.get_traced_memory()
print("grew:", current > start_current, "peak covers it:", peak >= current)
del data
after_free, peak_after_free = tracemalloc.get_traced_memory()
print("fell back:", after_free < current, "peak kept:", peak_after_free == peak)
tracemalloc.reset_peak()
current, peak = tracemalloc.get_traced_memory()
print("after reset_peak, peak - current is small:", peak - current < 1000)
temp = [str(i) * 10 for i in range(300)]
del temp
current2, peak2 = tracemalloc.get_traced_memory()
print("temporary list raised the peak:", peak2 > current2, peak2 > peak)
tracemalloc.clear_traces()
print("cleared:", tracemalloc.get_traced_memory()[0] < current2)
tracemalloc.stop()
print(tracemalloc.get_traced_memory(), tracemalloc.is_tracing())
tracemalloc.stop()
print("stop twice is fine")
