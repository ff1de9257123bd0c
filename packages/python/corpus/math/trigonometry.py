# sin/cos/tan, the inverse functions, atan2 quadrants, degrees/radians, huge arguments
import math
for i in range(-12, 13):
    x = i * 0.5236
    print(x, math.sin(x), math.cos(x), math.tan(x))
for x in [-1.0, -0.75, -0.3, 0.0, 0.2, 0.5, 0.99, 1.0]:
    print(x, math.asin(x), math.acos(x), math.atan(x))
for y, x in [(1, 1), (1, -1), (-1, -1), (-1, 1), (0.0, -0.0), (-0.0, -1), (3, 0), (2.5, 7.5)]:
    print(y, x, math.atan2(y, x))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))
print(math.sin(1e22), math.cos(1e10), math.tan(1e5))
print(math.atan(1e30), math.atan(-math.inf), math.sin(-0.0))
