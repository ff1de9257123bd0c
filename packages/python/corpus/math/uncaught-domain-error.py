# an uncaught math domain error ends the program
import math
print(math.sqrt(4))
print(math.sqrt(-4))
print("not reached")
