# The functional API: Enum('Name', names) with a string, a list of names or pairs, or a mapping.
from enum import Enum, IntEnum, Flag

Animal = Enum("Animal", "ANT BEE CAT")
print(Animal, list(Animal), Animal.BEE.value, Animal(3))
Letters = Enum("Letters", ["A", "B"], start=10)
print(list(Letters))
Pairs = Enum("Pairs", [("X", "ex"), ("Y", "why")])
print(list(Pairs), Pairs("why"))
Mapped = IntEnum("Mapped", {"ONE": 1, "TWO": 2})
print(list(Mapped), Mapped.TWO + 1, repr(Mapped))
Bits = Flag("Bits", "A B C")
print(list(Bits), repr(Bits.A | Bits.C))
Commas = Enum("Commas", "red, green")
print(list(Commas), Animal.ANT.__class__ is Animal, isinstance(Animal.CAT, Enum))
