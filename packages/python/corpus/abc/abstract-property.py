# Abstract properties, classmethods and staticmethods count as abstract methods.
from abc import ABC, abstractmethod


class Animal(ABC):
    @property
    @abstractmethod
    def sound(self): ...

    @classmethod
    @abstractmethod
    def kind(cls): ...

    @staticmethod
    @abstractmethod
    def legs(): ...


print(sorted(Animal.__abstractmethods__))


class Dog(Animal):
    @property
    def sound(self):
        return "woof"

    @classmethod
    def kind(cls):
        return cls.__name__.lower()


try:
    Dog()
except TypeError as error:
    print(error)


class RealDog(Dog):
    @staticmethod
    def legs():
        return 4


d = RealDog()
print(d.sound, d.kind(), d.legs(), RealDog.__abstractmethods__)
