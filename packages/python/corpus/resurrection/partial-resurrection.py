# Only one member of a cycle saves a reference to its partner: both survive the collection.
import gc

gc.disable()
rescued = []


class Left:
    def __del__(self):
        print("Left.__del__")
        rescued.append(self.right)


class Right:
    def __del__(self):
        print("Right.__del__")


left = Left()
right = Right()
left.right = right
right.left = left
del left, right
print("collected:", gc.collect())
print("rescued a", type(rescued[0]).__name__)
rescued.clear()
print("collected later:", gc.collect())
