# timing a loop the usual way
import time
start = time.perf_counter()
squares = [i * i for i in range(20000)]
elapsed = time.perf_counter() - start
print(len(squares), elapsed > 0, elapsed < 30)
