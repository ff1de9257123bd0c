# The registry and caches hold weak references: a registered, deleted class is freed by gc.
import gc
import weakref
from abc import ABC


class Plugin(ABC):
    pass


class Temporary:
    pass


Plugin.register(Temporary)
instance = Temporary()
print(isinstance(instance, Plugin), issubclass(Temporary, Plugin))
watch = weakref.ref(Temporary)
del instance, Temporary
gc.collect()
print("class freed:", watch() is None)


class Checked:
    pass


print(isinstance(Checked(), Plugin))
watch = weakref.ref(Checked)
del Checked
gc.collect()
print("negative-cached class freed:", watch() is None)
