# weakref.proxy forwards attribute access, calls and operators while the referent lives, then raises ReferenceError.
import weakref

class Account:
    def __init__(self, balance):
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
        return self.balance
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
    def __add__(self, other):
        return self.balance + other
    def __str__(self):
        return "Account with " + str(self.balance)

acct = Account(100)
p = weakref.proxy(acct)
print(p.balance, p.deposit(5), acct.balance)
p.owner = "ann"
print(acct.owner, len(p), p[2], p + 1, str(p), bool(p))
print(type(p), type(p) is weakref.ProxyType, weakref.ProxyTypes)
print(p == acct, weakref.getweakrefcount(acct))
try:
    hash(p)
except TypeError:
    print("proxies are unhashable")

def shout(text):
    return text.upper()
cp = weakref.proxy(shout)
print(type(cp), cp("hi"))

nums = [3, 1, 2]
class Box:
    pass
box = Box()
box.items = nums
bp = weakref.proxy(box, lambda proxy: print("callback got the proxy:", type(proxy).__name__))
print(bp.items)
del acct
for attempt in ["p.balance", "p.deposit(1)", "len(p)", "str(p)"]:
    try:
        if attempt == "p.balance":
            p.balance
        elif attempt == "p.deposit(1)":
            p.deposit(1)
        elif attempt == "len(p)":
            len(p)
        else:
            str(p)
    except ReferenceError as e:
        print(attempt, "->", e)
del box
try:
    bp.items
except ReferenceError as e:
    print(type(e).__name__, e)
try:
    weakref.proxy(1)
except TypeError as e:
    print(e)
