# Without __all__, from m import * binds every public name of the module's __dict__.
import sys

ModuleType = type(sys)
tools = ModuleType("tools")
tools.alpha = 1
tools.beta = 2
tools._hidden = 3
tools.__secret__ = 4
sys.modules["tools"] = tools
before = set(globals())
from tools import *

print(sorted(set(globals()) - before - {"before"}))


class Namespace:
    def __init__(self):
        self.x = 10
        self._y = 20


sys.modules["namespace"] = Namespace()
from namespace import *

print(x, "_y" in globals())
