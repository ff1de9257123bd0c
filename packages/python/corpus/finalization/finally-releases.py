# A return inside try/finally: finally runs first, then the frame's locals die.
class Guard:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("guard", self.name, "released")


def work():
    guard = Guard("g")
    try:
        print("working")
        return "result"
    finally:
        print("finally, guard still alive:", guard.name)


print(work())
print("end")
