# Members are singletons (copy and deepcopy return them), and an enum class made at run time is collected.
import copy
import gc
import weakref
from enum import Enum


class Color(Enum):
    RED = [1, 2]
    GREEN = (3,)


print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.GREEN) is Color.GREEN)
print(copy.deepcopy({"c": [Color.RED]})["c"][0] is Color.RED, Color([1, 2]), [1, 2] in Color)
print(Color.RED.__objclass__ is Color, weakref.ref(Color.RED)() is Color.RED)

Temporary = Enum("Temporary", "A B C")
probe = weakref.ref(Temporary)
member_probe = weakref.ref(Temporary.B)
del Temporary
gc.collect()
print(probe(), member_probe())
