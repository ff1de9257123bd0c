# Python Tutor: exceptions — try/except/else/finally, raise, custom exceptions
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount}; balance is {balance}")
        self.balance = balance
        self.amount = amount


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance


acct = Account("ann", 100)
for amount in (30, -5, 500, 70, "ten"):
    try:
        left = acct.withdraw(amount)
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, e.args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok, left", left)
    finally:
        print("  balance now", acct.balance)


def parse_all(items):
    results = []
    for item in items:
        try:
            results.append(int(item))
        except ValueError as exc:
            raise RuntimeError(f"bad item {item!r}") from exc
    return results


try:
    parse_all(["1", "2", "x3"])
except RuntimeError as e:
    print(e, "| caused by:", repr(e.__cause__))
print(parse_all(["10", " 20 ", "-3"]))
