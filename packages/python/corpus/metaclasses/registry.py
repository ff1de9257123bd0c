# A plugin registry metaclass: __new__ records subclasses; len(), iter(), in and [] work on the class.
class PluginMeta(type):
    plugins = {}

    def __new__(mcls, name, bases, namespace):
        cls = super().__new__(mcls, name, bases, namespace)
        if bases:
            key = namespace.get("name", name.lower())
            mcls.plugins[key] = cls
        return cls

    def __iter__(cls):
        return iter(sorted(cls.plugins))

    def __len__(cls):
        return len(cls.plugins)

    def __contains__(cls, item):
        return item in cls.plugins

    def __getitem__(cls, key):
        return cls.plugins[key]


class Plugin(metaclass=PluginMeta):
    def run(self):
        return f"{type(self).__name__} ran"


class Upper(Plugin):
    name = "upper"

    def run(self):
        return "UPPER"


class Lower(Plugin):
    pass


print(len(Plugin), list(Plugin), "upper" in Plugin, "x" in Plugin)
print(Plugin["upper"]().run(), Plugin["lower"]().run())
print(type(Upper).__name__, isinstance(Upper, PluginMeta))
try:
    Plugin["missing"]
except KeyError as e:
    print("KeyError", e)
