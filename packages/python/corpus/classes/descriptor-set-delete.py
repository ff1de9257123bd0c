# __set__ and __delete__ of a user descriptor run on assignment and del
class Logged:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        print("set", self.name, value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)
class Account:
    balance = Logged()
a = Account()
a.balance = 10
print(a.balance, a.__dict__)
del a.balance
print(a.__dict__, type(Account.balance).__name__)
class OnlySet:
    def __set__(self, obj, value):
        print("only set", value)
class D:
    x = OnlySet()
d = D()
d.x = 3
print(type(d.x).__name__)
try:
    del d.x
except AttributeError as e:
    print("AttributeError", e)
