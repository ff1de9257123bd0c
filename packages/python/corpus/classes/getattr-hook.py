# __getattr__ runs only when normal lookup fails; its AttributeError is what the caller sees
class Lazy:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("x"):
            return "computed " + name
        raise AttributeError("no lazy attribute " + name)
z = Lazy()
print(z.real, z.xyz, getattr(z, "x1"), getattr(z, "nope", "default"))
print(hasattr(z, "x2"), hasattr(z, "nope"))
try:
    z.missing
except AttributeError as e:
    print(e)
z.x3 = "stored"
print(z.x3, sorted(z.__dict__))
z.missing
