# Ray tracer (pyperformance's raytrace shape): a small scene of spheres and a plane rendered by
# recursive ray casting with Lambert shading, shadows and reflection; a Vector class with operator
# methods, isinstance checks and many short-lived instances.
import math

EPSILON = 0.00001


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def cross(self, other):
        return Vector(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def reflect_through(self, normal):
        return self - normal.scale(2 * self.dot(normal))


ZERO = Vector(0.0, 0.0, 0.0)
UP = Vector(0.0, 1.0, 0.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, distance):
        return self.origin + self.direction.scale(distance)


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersect(self, ray):
        offset = ray.origin - self.centre
        b = offset.dot(ray.direction)
        c = offset.dot(offset) - self.radius * self.radius
        discriminant = b * b - c
        if discriminant < 0:
            return None
        root = math.sqrt(discriminant)
        near = -b - root
        if near > EPSILON:
            return near
        far = -b + root
        return far if far > EPSILON else None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        facing = ray.direction.dot(self.normal)
        if abs(facing) < EPSILON:
            return None
        distance = (self.point - ray.origin).dot(self.normal) / facing
        return distance if distance > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Surface:
    def __init__(self, colour, reflectivity, checked=False):
        self.colour = colour
        self.reflectivity = reflectivity
        self.checked = checked

    def colour_at(self, point):
        if not self.checked:
            return self.colour
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.colour
        return Vector(0.1, 0.1, 0.1)


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.camera = Vector(0.0, 1.8, 10.0)
        self.look_at = Vector(0.0, 3.0, 0.0)

    def add(self, shape, surface):
        self.objects.append((shape, surface))

    def nearest(self, ray):
        best = None
        for shape, surface in self.objects:
            distance = shape.intersect(ray)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, shape, surface)
        return best

    def trace(self, ray, depth):
        hit = self.nearest(ray)
        if hit is None:
            return ZERO
        distance, shape, surface = hit
        point = ray.point_at(distance)
        normal = shape.normal_at(point)
        colour = surface.colour_at(point)
        lambert = 0.0
        for light in self.lights:
            to_light = (light - point).normalized()
            if self.nearest(Ray(point, to_light)) is not None:
                continue
            contribution = to_light.dot(normal)
            if contribution > 0:
                lambert += contribution
        result = colour.scale(min(lambert, 1.0) * (1 - surface.reflectivity) + 0.1)
        if depth < 3 and surface.reflectivity > 0:
            reflected = Ray(point, ray.direction.reflect_through(normal))
            result = result + self.trace(reflected, depth + 1).scale(surface.reflectivity)
        return result

    def render(self, width, height):
        forward = (self.look_at - self.camera).normalized()
        right = forward.cross(UP).normalized()
        up = right.cross(forward).normalized()
        rows = []
        for y in range(height):
            row = []
            for x in range(width):
                dx = (x - width / 2) / width
                dy = (height / 2 - y) / height
                direction = forward + right.scale(dx) + up.scale(dy)
                colour = self.trace(Ray(self.camera, direction), 0)
                row.append(min(int(colour.magnitude() * 9), 9))
            rows.append("".join(str(level) for level in row))
        return rows


scene = Scene()
scene.lights.append(Vector(30.0, 30.0, 10.0))
scene.lights.append(Vector(-10.0, 100.0, 30.0))
scene.add(Sphere(Vector(1.0, 3.0, -10.0), 2.0), Surface(Vector(1.0, 1.0, 0.0), 0.2))
scene.add(Sphere(Vector(-2.0, 2.0, -6.0), 1.0), Surface(Vector(0.2, 0.6, 1.0), 0.5))
scene.add(Sphere(Vector(3.0, 1.0, -4.0), 0.7), Surface(Vector(1.0, 0.3, 0.3), 0.0))
scene.add(Plane(Vector(0.0, 0.0, 0.0), UP), Surface(Vector(1.0, 1.0, 1.0), 0.3, checked=True))
image = scene.render(64, 48)
for line in image[::6]:
    print(line)
print(sum(sum(int(c) for c in line) for line in image))
