# type(sys) (types.ModuleType) makes module objects a program can register and import.
import sys

ModuleType = type(sys)
plugin = ModuleType("plugin", "A plugin made at run time.")
print(plugin, plugin.__name__, plugin.__doc__)
print(sorted(plugin.__dict__))
plugin.greet = lambda who: "hello " + who
sys.modules["plugin"] = plugin
import plugin as loaded

print(loaded is plugin, loaded.greet("world"))
bare = ModuleType("bare")
print(bare.__doc__, bare.__package__, bare.__spec__)
for arguments in [(), (1,), ("a", "b", "c")]:
    try:
        ModuleType(*arguments)
    except TypeError as error:
        print(error)
try:
    ModuleType("q", bad=3)
except TypeError as error:
    print(error)
print(ModuleType(name="kw", doc="d").__doc__)
