# sleep waits at least as long as asked
import time
start = time.perf_counter()
time.sleep(0.05)
elapsed = time.perf_counter() - start
print(elapsed >= 0.05, elapsed < 5)
print(time.sleep(0), time.sleep(0.0), time.sleep(True is False))
