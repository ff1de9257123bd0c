# instances of multiply-inherited classes die by refcount and run the first __del__ in the MRO
class Resource:
    def __del__(self):
        print("Resource.__del__", self.name)
class Logger:
    def __del__(self):
        print("Logger.__del__", self.name)
class Both(Logger, Resource):
    pass
class Other(Resource, Logger):
    def __init__(self, name):
        self.name = name
b = Both()
b.name = "b"
o = Other("o")
del b
print("between")
o = None
items = [Other("x"), Other("y")]
del items
print("end")
