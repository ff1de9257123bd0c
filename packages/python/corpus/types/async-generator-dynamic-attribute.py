# types.AsyncGeneratorType and DynamicClassAttribute (class access falls back to __getattr__).
import types

async def numbers():
    yield 1

agen = numbers()
print(types.AsyncGeneratorType, type(agen) is types.AsyncGeneratorType)
print(isinstance(agen, types.AsyncGeneratorType), types.AsyncGeneratorType.__name__)


class Meta(type):
    def __getattr__(cls, name):
        return f"class-level {name}"


class Shape(metaclass=Meta):
    def __init__(self, sides):
        self._sides = sides

    @types.DynamicClassAttribute
    def sides(self):
        "How many sides."
        return self._sides

    @sides.setter
    def sides(self, value):
        self._sides = value


square = Shape(4)
print(square.sides, Shape.sides, Shape.__dict__["sides"].__doc__)
square.sides = 5
print(square.sides, type(Shape.__dict__["sides"]).__name__)
for action in [lambda: delattr(square, "sides"), lambda: setattr(Shape(1), "x", 1)]:
    try:
        action()
        print("ok")
    except AttributeError as error:
        print("AttributeError", error)
plain = types.DynamicClassAttribute(lambda self: 1)
try:
    plain.__get__(None, Shape)
except AttributeError as error:
    print("AttributeError", repr(error))
print(plain.__get__(square), plain.overwrite_doc, plain.__isabstractmethod__)
