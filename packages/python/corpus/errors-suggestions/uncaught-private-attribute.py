# Underscored names are suggested only when the wrong name starts with '_' (or inside the object's method).
class Counter:
    def __init__(self):
        self._count = 0
        self.step = 1

    def peek(self):
        return self.count


c = Counter()
try:
    c.count
except AttributeError as e:
    print(e)
print("inside a method:")
c.peek()
