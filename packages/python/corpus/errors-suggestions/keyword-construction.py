# NameError(name=...) and AttributeError(name=..., obj=...) keyword construction and its errors.
e = AttributeError("message", 2, name="attr", obj=[1])
print(e.args, e.name, e.obj, str(e), repr(e))
e = NameError("message", name="n")
print(e.args, e.name, repr(e))
e = NameError(name=None)
print(e.name, e.args)
e = AttributeError()
print(e.name, e.obj)
e.name, e.obj = "later", 4
print(e.name, e.obj)
class Mine(AttributeError):
    def __init__(self):
        super().__init__("mine", name="from_super")
print(Mine().name, Mine().obj)
class MyName(NameError):
    pass
print(MyName("x", name="y").name)
for make in (
    lambda: NameError("x", nm=1),
    lambda: NameError(name=1, other=2),
    lambda: AttributeError(obj=1, zz=2),
    lambda: AttributeError("m", name=1, obj=2, x=3),
    lambda: MyName(nm=1),
):
    try:
        make()
    except TypeError as error:
        print("TypeError:", error)
