# __getattribute__ sees every read; object.__getattribute__ does the default, __getattr__ the rest
class Audit:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        print("read", name)
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
    def method(self):
        return "m"
x = Audit()
print(x.a)
print(x.method())
print(x.secret)
print(x.other)
print(getattr(x, "a"))
