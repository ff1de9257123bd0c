# An exception saved past its handler keeps its traceback, and so the frames' locals, alive.
class Local:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("local", self.name, "freed")


def raiser(name):
    local = Local(name)
    raise KeyError(name)


saved = None
try:
    raiser("kept")
except KeyError as e:
    saved = e
print("handler over, exception saved")
saved = None
print("saved exception dropped")
try:
    raiser("not kept")
except KeyError:
    print("handled without a name")
print("end")
