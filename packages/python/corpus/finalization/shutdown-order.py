# At exit __main__'s globals are freed by a final cycle collection (the module dict is in a cycle
# with the functions and classes defined in it), so finalizers run in the collector's order.
class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("shutdown:", self.name)


class Box:
    pass


first = Obj("first")
holder1 = [Obj("in list 1")]
box = Box()
box.item = Obj("in box")
mid = Obj("mid")
holder2 = [Obj("in list 2")]
_under = Obj("_under")
print("end of script")
