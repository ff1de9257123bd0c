# Importing modules and packages written to files: sys.path, packages, relative imports, from lists.
import os
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


write("shapes/__init__.py", '"""Shapes."""\nprint("init shapes", __name__, __package__)\nfrom .square import Square\nfrom . import circle\nVERSION = "1.0"\n')
write("shapes/square.py", "from .base import Shape\nclass Square(Shape):\n    def __init__(self, side):\n        self.side = side\n    def area(self):\n        return self.side ** 2\n")
write("shapes/base.py", "class Shape:\n    def describe(self):\n        return f'{type(self).__name__} of area {self.area()}'\n")
write("shapes/circle.py", "import math\nfrom .base import Shape\nclass Circle(Shape):\n    def __init__(self, r):\n        self.r = r\n    def area(self):\n        return round(math.pi * self.r ** 2, 3)\n")
write("shapes/solid/__init__.py", "from ..square import Square as Face\nfrom .cube import Cube\nprint('init solid', __spec__.parent, __package__)\n")
write("shapes/solid/cube.py", "from .. import base\nclass Cube(base.Shape):\n    def __init__(self, side):\n        self.side = side\n    def area(self):\n        return 6 * self.side ** 2\n")
write("helper.py", "COUNT = 0\ndef bump():\n    global COUNT\n    COUNT += 1\n    return COUNT\nif __name__ == '__main__':\n    print('never')\n")

sys.path.insert(0, os.getcwd())
import helper
import shapes
import shapes.solid.cube as cube_module
from shapes.solid import Cube, Face

print(helper.bump(), helper.bump(), helper.__name__, os.path.basename(helper.__file__))
print(shapes.Square(3).describe(), shapes.circle.Circle(1).describe(), Cube(2).describe())
print(Face is shapes.Square, cube_module.Cube is Cube, shapes.VERSION, shapes.__doc__)
print(sorted(name for name in vars(shapes) if not name.startswith("__")))
print([name for name in sys.modules if name.startswith("shapes")])
print(list(vars(helper))[:8])
print(shapes.__package__, shapes.solid.__package__, cube_module.__package__)
print(type(shapes.__path__).__name__, [os.path.basename(p) for p in shapes.__path__])
print(shapes.__spec__.name, shapes.__spec__.parent, cube_module.__spec__.parent)
print(shapes.__spec__.has_location, os.path.basename(cube_module.__spec__.origin))
print(os.path.relpath(cube_module.__cached__), os.path.relpath(cube_module.__file__))
print(type(cube_module.__loader__).__name__, cube_module.__loader__.name, shapes.__loader__.is_package("shapes"))
print(repr(helper).startswith("<module 'helper' from '"), repr(helper).endswith("helper.py'>"))

# import again: the same module object, the code does not run again.
import helper as again
print(again is helper, again.bump())

# __import__ and importlib.
top = __import__("shapes.solid.cube")
print(top is shapes, __import__("shapes.solid", fromlist=["cube"]).cube is cube_module)
import importlib
print(importlib.import_module(".square", "shapes").Square is shapes.Square)
print(importlib.import_module("shapes.solid").Cube is Cube)

# a module that replaces itself in sys.modules.
write("swap.py", "import sys\nsys.modules[__name__] = 'replaced'\n")
import swap
print(swap, list(sys.modules)[-1])
