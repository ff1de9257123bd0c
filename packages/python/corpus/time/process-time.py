# process_time counts work, not sleeping
import time
start = time.process_time()
total = 0
for i in range(100000):
    total += i
used = time.process_time() - start
print(total, used >= 0, used < 60)
