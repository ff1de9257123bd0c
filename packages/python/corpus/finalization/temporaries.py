# An object that is never bound dies right after the expression that created it.
class Temp:
    def __init__(self, value):
        self.value = value

    def __del__(self):
        print("temp", self.value, "gone")

    def get(self):
        return self.value


print("value is", Temp(1).get())
print("after print")
Temp(2)
print("after expression statement")
total = Temp(3).get() + Temp(4).get()
print("total", total)
