# the classic learner property: validated setter, computed read-only attribute
class Circle:
    def __init__(self, radius):
        self.radius = radius
    def _get_radius(self):
        return self._radius
    def _set_radius(self, value):
        if value < 0:
            raise ValueError("radius must be non-negative")
        self._radius = value
    radius = property(_get_radius, _set_radius)
    def _area(self):
        return 3 * self.radius ** 2
    area = property(_area)
c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.radius, c.area, c.__dict__)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError:", e)
try:
    c.area = 10
except AttributeError as e:
    print("AttributeError:", e)
