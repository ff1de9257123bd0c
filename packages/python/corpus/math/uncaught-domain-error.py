# An uncaught math domain error ends the program with CPython's traceback.
import math
print(math.sqrt(4))
print(math.sqrt(-4))
print("not reached")
