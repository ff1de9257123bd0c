# EnumType is the metaclass; any metaclass's __prepare__ may return its own mapping for the class body.
from enum import Enum, EnumMeta, EnumType, IntEnum


class Color(Enum):
    RED = 1


print(type(Color) is EnumType, EnumMeta is EnumType, isinstance(Color, EnumType), type(IntEnum).__name__)
print(issubclass(Color, Enum), isinstance(Color.RED, Enum), Enum.__class__.__name__)


class Recorder:
    def __init__(self):
        self.data = {}
        self.order = []

    def __setitem__(self, key, value):
        self.order.append(key)
        self.data[key] = value

    def __getitem__(self, key):
        return self.data[key]

    def __delitem__(self, key):
        del self.data[key]


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **keywords):
        return Recorder()

    def __new__(mcls, name, bases, namespace, **keywords):
        cls = super().__new__(mcls, name, bases, dict(namespace.data))
        cls.order = [key for key in namespace.order if not key.startswith("__")]
        return cls


class Body(metaclass=Meta):
    a = 1
    b = a + 1
    del a
    c: int = 3

    def method(self):
        return self.b


print(Body.order, Body.b, Body().method(), hasattr(Body, "a"), Body.__annotations__)
try:
    class Missing(metaclass=Meta):
        del nothing
except NameError as error:
    print(error)


class NotMapping(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5


try:
    class Bad(metaclass=NotMapping):
        pass
except TypeError as error:
    print(error)
