# Python Tutor: classes, inheritance, super(), __str__ and class attributes
class Animal:
    count = 0

    def __init__(self, name, sound):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __str__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __repr__(self):
        return f"<{self}>"


class Dog(Animal):
    def __init__(self, name, tricks=None):
        super().__init__(name, "woof")
        self.tricks = list(tricks or [])

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self

    def speak(self):
        base = super().speak()
        return base + "!" * len(self.tricks)


class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, "meow")


pets = [Dog("Rex", ["sit"]), Cat("Tom"), Dog("Fido").add_trick("roll").add_trick("beg")]
for pet in pets:
    print(pet, "->", pet.speak())
print(pets)
print(Animal.count, Dog.count, isinstance(pets[0], Animal), issubclass(Cat, Dog))
print(Dog.__mro__)
print(vars(pets[1]))
print(sorted(pets, key=lambda p: p.name))
