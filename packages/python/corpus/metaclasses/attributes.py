# A metaclass's property, methods, __getattr__, __setattr__ and __delattr__ seen through its classes.
class Meta(type):
    counter = 0

    @property
    def label(cls):
        return "label of " + cls.__name__

    def create(cls, *args):
        Meta.counter += 1
        return cls(*args)

    def __getattr__(cls, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(name)

    def __setattr__(cls, name, value):
        if name == name.upper():
            raise AttributeError(f"cannot rebind constant {name}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("deleting", name)
        super().__delattr__(name)


class Point(metaclass=Meta):
    ORIGIN = 0

    def __init__(self, x=0):
        self.x = x

    label = "class attribute shadows the non-data metaclass attribute? no: property wins"


print(Point.label)
print(Point.create(3).x, Meta.counter)
print(Point.get_thing())
try:
    Point.missing
except AttributeError as e:
    print("AttributeError", e)
Point.y = 2
print(Point.y)
try:
    Point.ORIGIN = 1
except AttributeError as e:
    print(e)
del Point.y
print(hasattr(Point, "y"))
print(Point().x, type(Point).counter)
print(Meta.__dict__["counter"], "label" in Meta.__dict__)
print(Point.mro(), Point.__class__.__name__)
