# Registering a class with a collections ABC keeps only a weak reference to it.
import gc
import weakref
from collections.abc import Sequence, Sized


class Tiny:
    def __getitem__(self, index):
        raise IndexError


Sequence.register(Tiny)
print(isinstance(Tiny(), Sequence), issubclass(Tiny, Sized))
watch = weakref.ref(Tiny)
del Tiny
gc.collect()
print("registered class freed:", watch() is None)


class Sizable:
    def __len__(self):
        return 0


print(issubclass(Sizable, Sized))
watch = weakref.ref(Sizable)
del Sizable
gc.collect()
print("cached class freed:", watch() is None)
