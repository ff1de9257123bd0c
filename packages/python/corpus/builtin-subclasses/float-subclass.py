# a float subclass built with __new__ (the Celsius pattern) and with extra methods
class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, value)
    def to_fahrenheit(self):
        return self * 9 / 5 + 32
    def __repr__(self):
        return f"{float(self)}°C"
t = Celsius(21.5)
print(t, repr(t), str(t), t.to_fahrenheit(), type(t).__name__, type(t + 1).__name__)
print(t > 20, t == 21.5, round(t), int(t), abs(Celsius(-3.0)), max(t, 30), sorted([Celsius(3), 1.5]))
class Money(float):
    def __add__(self, other):
        return Money(super().__add__(other))
    def __str__(self):
        return f"${self:.2f}"
total = Money(1.25) + 2
print(total, type(total).__name__, repr(total), f"{total}", Money("3.5"), float.__new__(Money, 2))
print(isinstance(total, float), hash(Money(2.0)) == hash(2), Money(0.0) or "zero")
