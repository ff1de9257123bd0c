# Which instances have a __dict__: plain classes do, __slots__ classes do not, and a __slots__
# subclass of a plain class inherits its base's __dict__.
class Plain:
    pass


class Slotted:
    __slots__ = ("x",)


class SlottedChild(Plain):
    __slots__ = ("x",)


for cls in [Plain, Slotted, SlottedChild]:
    instance = cls()
    print(cls.__name__, "has __dict__:", hasattr(instance, "__dict__"))
    try:
        instance.extra = 1
        print("  extra attribute stored:", instance.extra)
    except AttributeError as e:
        print("  AttributeError:", e)
