# The check lives in object.__new__: a class with its own __new__ that skips it is instantiable.
from abc import ABC, abstractmethod


class Abstract(ABC):
    @abstractmethod
    def go(self): ...


class Sneaky(Abstract):
    def __new__(cls):
        return "not an instance"


print(Sneaky())


class Polite(Abstract):
    def __new__(cls):
        return super().__new__(cls)


try:
    Polite()
except TypeError as error:
    print(error)
try:
    object.__new__(Abstract)
except TypeError as error:
    print(error)
