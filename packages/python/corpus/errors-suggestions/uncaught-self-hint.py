# Inside a method, a bare name the instance has as an attribute: "Did you mean: 'self.balance'?".
class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, amount):
        self.balance = balance + amount
        return self.balance


account = Account(10)
print("depositing")
account.deposit(5)
