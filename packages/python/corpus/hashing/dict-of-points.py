# A dict keyed by instances with __eq__ and __hash__: equal instances find the same entry.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"


grid = {Point(0, 0): "origin", Point(1, 2): "a"}
grid[Point(1, 2)] = "b"
print(grid)
print(grid[Point(0, 0)], Point(1, 2) in grid, Point(2, 1) in grid)
print(len({Point(1, 1), Point(1, 1), Point(2, 2)}))
