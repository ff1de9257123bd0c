# math constants and the predicates on them
import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.nan)
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(math.pi))
print(math.isfinite(math.inf), math.isnan(1.0), math.isinf(-math.inf))
print(type(math.pi).__name__, type(math.inf).__name__)
print(math.pi == 3.141592653589793, math.tau == 2 * math.pi)
