# Float objects: many short-lived Point instances with float attributes, math.sin/cos/sqrt,
# normalisation in place, and a max-reduction (pyperformance's float shape).
from math import cos, sin, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.6f, y=%.6f, z=%.6f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for point in points[1:]:
        best.maximize(point)
    return best


def benchmark(count):
    points = [None] * count
    for i in range(count):
        points[i] = Point(i)
    for point in points:
        point.normalize()
    return maximize(points)


for _ in range(3):
    result = benchmark(40000)
print(result)
