# @classmethod, @staticmethod and @property in one class, reached from instances and subclasses
class Pizza:
    size_cm = 30
    def __init__(self, toppings):
        self.toppings = toppings
    @classmethod
    def margherita(cls):
        return cls(["tomato", "mozzarella"])
    @staticmethod
    def area(diameter):
        return 3 * (diameter // 2) ** 2
    @property
    def description(self):
        return type(self).__name__ + " with " + ", ".join(self.toppings)
class Calzone(Pizza):
    size_cm = 25
p = Calzone.margherita()
print(p.description, Pizza.area(30), p.area(p.size_cm))
print(type(Pizza.__dict__["margherita"]).__name__, type(Pizza.__dict__["area"]).__name__)
print(Pizza.margherita.__self__ is Pizza, Calzone.margherita.__self__ is Calzone)
