# the learner's multiple inheritance: mixins, method resolution order and super()
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
class Walker:
    def move(self):
        return f"{self.name} walks"
class Swimmer:
    def move(self):
        return f"{self.name} swims"
    def dive(self):
        return f"{self.name} dives"
class Duck(Animal, Walker, Swimmer):
    def speak(self):
        return "Quack! " + super().speak()
d = Duck("Donald")
print(d.speak(), d.move(), d.dive())
print([c.__name__ for c in Duck.__mro__])
print(isinstance(d, Swimmer), issubclass(Duck, (Walker, int)))
