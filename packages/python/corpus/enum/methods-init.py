# Members can carry tuple values unpacked into __init__, and the class can define methods.
from enum import Enum


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

    def describe(self):
        return f"{self.name.title()} weighs {self.mass:.3e} kg"

    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)


print(Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.describe())
print(Planet.heaviest(), Planet((3.303e23, 2.4397e6)))


class Coin(Enum):
    def __new__(cls, value, label):
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        return member

    PENNY = 1, "one cent"
    DIME = 10, "ten cents"

    def __str__(self):
        return self.label


print(Coin(10), repr(Coin.PENNY), Coin.DIME.value, [str(c) for c in Coin])


class Mood(Enum):
    HAPPY = 3
    SAD = 1

    @staticmethod
    def default():
        return Mood.HAPPY

    def __repr__(self):
        return f"Mood({self.name})"


print(Mood.default(), [Mood.SAD], list(Mood))
