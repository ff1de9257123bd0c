# a stopwatch class over perf_counter
import time
class Stopwatch:
    def __init__(self):
        self.start = time.perf_counter()
    def lap(self):
        return time.perf_counter() - self.start
watch = Stopwatch()
time.sleep(0.01)
first = watch.lap()
time.sleep(0.01)
print(first >= 0.01, watch.lap() >= first + 0.01)
