# gc.collect() rejects generations outside 0..2.
import gc

for generation in [3, -1]:
    try:
        gc.collect(generation)
    except ValueError as e:
        print(generation, type(e).__name__, e)
print("default generation:", gc.collect())
print("keyword:", gc.collect(generation=2))
