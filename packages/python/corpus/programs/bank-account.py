# Python Tutor style: a bank account class with keyword-only options, properties and errors.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available


class Account:
    interest = 0.02

    def __init__(self, owner, /, balance=0, *, overdraft=0):
        self.owner = owner
        self._balance = balance
        self.overdraft = overdraft
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance + self.overdraft:
            raise InsufficientFunds(amount, self._balance + self.overdraft)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self._balance})"


acct = Account("ada", 100, overdraft=50)
acct.deposit(25).withdraw(150)
print(acct, acct.balance, acct.history)
try:
    acct.withdraw(100)
except InsufficientFunds as error:
    print("refused:", error, error.needed, error.available)
try:
    acct.deposit(-5)
except ValueError as error:
    print("refused:", error)
try:
    Account(owner="bob")
except TypeError as error:
    print(error)
