# Every instance holds a strong reference to its class.
import sys


class Widget:
    pass


base = sys.getrefcount(Widget)
widgets = []
for i in range(5):
    widgets.append(Widget())
print("five instances add:", sys.getrefcount(Widget) - base)
widgets.pop()
print("after one pop:", sys.getrefcount(Widget) - base)
widgets = []
print("all gone:", sys.getrefcount(Widget) - base)
