# time.time() is seconds since 1970: some time after 2024 and close to the other clocks' pace
import time
now = time.time()
print(now > 1704067200, now < 4102444800)
a = time.time()
b = time.perf_counter()
time.sleep(0.02)
print(abs((time.time() - a) - (time.perf_counter() - b)) < 0.5)
