# Chaos game (pyperformance's chaos shape): an iterated function system of affine maps chosen at
# random (seeded Mersenne Twister) draws a fractal into a grid; GVector-like point objects, random
# choices, float arithmetic and bounds clipping.
import random


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def scaled(self, factor):
        return Point(self.x * factor, self.y * factor)


class AffineMap:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.weight = weight

    def apply(self, point):
        return Point(
            self.a * point.x + self.b * point.y + self.e,
            self.c * point.x + self.d * point.y + self.f,
        )


class ChaosGame:
    def __init__(self, maps, width, height):
        self.maps = maps
        self.total_weight = sum(m.weight for m in maps)
        self.width = width
        self.height = height
        self.grid = [[0] * width for _ in range(height)]

    def choose(self):
        threshold = random.random() * self.total_weight
        for candidate in self.maps:
            threshold -= candidate.weight
            if threshold <= 0:
                return candidate
        return self.maps[-1]

    def plot(self, point):
        column = int((point.x + 3.0) / 6.0 * (self.width - 1))
        row = int((10.5 - point.y) / 11.0 * (self.height - 1))
        column = min(max(column, 0), self.width - 1)
        row = min(max(row, 0), self.height - 1)
        self.grid[row][column] += 1

    def run(self, iterations):
        point = Point(random.random(), random.random())
        for _ in range(iterations):
            point = self.choose().apply(point)
            self.plot(point)


random.seed(1234)
fern = [
    AffineMap(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
    AffineMap(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
    AffineMap(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
    AffineMap(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
]
game = ChaosGame(fern, 40, 30)
game.run(60000)
for row in game.grid[::3]:
    print("".join(" .:-=+*#%@"[min(count // 8, 9)] for count in row))
print(sum(sum(row) for row in game.grid), max(max(row) for row in game.grid))
