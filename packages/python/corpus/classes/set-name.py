# __set_name__ runs for every class attribute that defines it, in definition order
class Field:
    def __init__(self, default):
        self.default = default
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name, self.default)
        self.name = name
class Model:
    a = Field(1)
    b = Field(2)
    c = 3
    d = Field(4)
print([Model.a.name, Model.b.name, Model.d.name])
class Later:
    pass
f = Field(5)
Later.e = f
print(hasattr(f, "name"))
