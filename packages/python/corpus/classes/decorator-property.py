# the learner's @property: getter, @x.setter with validation, read-only computed attribute
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value
    @balance.deleter
    def balance(self):
        print("closing account of", self.owner)
        del self._balance
    @property
    def summary(self):
        return f"{self.owner}: {self.balance}"
a = Account("ada", 10)
a.balance += 5
print(a.balance, a.summary)
try:
    a.balance = -1
except ValueError as e:
    print("ValueError:", e)
try:
    a.summary = "x"
except AttributeError as e:
    print("AttributeError:", e)
del a.balance
print(a.__dict__, Account.balance.__name__)
