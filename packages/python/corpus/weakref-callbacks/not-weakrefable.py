# Built-in values like int, str, list, dict and tuple cannot be weakly referenced.
import weakref

for value in [1, "s", [], {}, (1, 2), None, 2.5]:
    try:
        weakref.ref(value)
        print("ok")
    except TypeError as e:
        print(type(e).__name__, e)


class Slotted:
    __slots__ = ("x",)


try:
    weakref.ref(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
