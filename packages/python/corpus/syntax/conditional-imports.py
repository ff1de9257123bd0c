# Imports inside conditions, functions and try blocks bind where they run.
import sys
if sys.version_info >= (3, 0):
    import math as m
else:
    m = None
print(m.sqrt(16))
def late():
    from math import floor
    return floor(2.7)
print(late())
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", type(e).__name__)
