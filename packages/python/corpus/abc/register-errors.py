# Wrong arguments to register and issubclass raise CPython's errors.
from abc import ABC


class Base(ABC):
    pass


class Child(Base):
    pass


for bad in (3, "text", Child()):
    try:
        Base.register(bad)
    except TypeError as error:
        print(type(error).__name__, error)
try:
    Child.register(Base)
except RuntimeError as error:
    print(type(error).__name__, error)
try:
    issubclass(3, Base)
except TypeError as error:
    print(type(error).__name__, error)
print(Base.register(Child) is Child, isinstance(3, Base))
