# Locals die when the function returns; the returned value survives.
class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def work():
    temporary = Item("temporary")
    kept = Item("kept")
    print("inside work")
    return kept


result = work()
print("returned", result.name)
del result
print("end")
