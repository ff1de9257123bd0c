# __init_subclass__ runs (as a classmethod) for each new subclass, not for the class itself
registry = []
class Plugin:
    def __init_subclass__(cls):
        print("registering", cls.__name__)
        registry.append(cls.__name__)
        super().__init_subclass__()
class Audio(Plugin):
    pass
class Video(Plugin):
    pass
class Clip(Video):
    pass
print(registry)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
class Plain:
    pass
print("done")
