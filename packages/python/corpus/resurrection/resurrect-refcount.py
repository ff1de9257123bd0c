# __del__ storing self in a global resurrects the object; __del__ never runs a second time.
class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        global survivor
        print("__del__ of", self.name)
        survivor = self


survivor = None
p = Phoenix("bird")
del p
print("resurrected:", survivor.name)
survivor = None
print("released again, no second __del__")
