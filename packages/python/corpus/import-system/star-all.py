# from m import * binds exactly the names in __all__, underscores included.
import sys

ModuleType = type(sys)
shapes = ModuleType("shapes")
shapes.circle = "circle"
shapes.square = "square"
shapes._private = "private"
shapes.helper = "helper"
shapes.__all__ = ["circle", "_private"]
sys.modules["shapes"] = shapes
from shapes import *

print(circle, _private)
print("square" in globals(), "helper" in globals())
shapes.__all__ = ("square",)
from shapes import *

print(square)
from json import *

print(sorted(name for name in dir() if "json" in name.lower() or name in ("dumps", "loads")))
