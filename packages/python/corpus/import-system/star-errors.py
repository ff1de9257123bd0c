# from m import * reports a bad __all__ entry, a missing name, and an object without __dict__.
import sys

ModuleType = type(sys)
broken = ModuleType("broken")
broken.present = 1
sys.modules["broken"] = broken
for names in [["present", "absent"], ["present", 7], [b"present"]]:
    broken.__all__ = names
    try:
        from broken import *
    except (AttributeError, TypeError) as error:
        print(type(error).__name__, error)
sys.modules["number"] = 42
try:
    from number import *
except ImportError as error:
    print(type(error).__name__, error)
broken.__all__ = "present"
try:
    from broken import *
except AttributeError as error:
    print(type(error).__name__, error)
print(present)
