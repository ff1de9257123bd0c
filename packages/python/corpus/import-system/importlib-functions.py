# importlib.import_module returns the module itself; reload runs it again in the same object.
import importlib
import sys

abc_module = importlib.import_module("collections.abc")
print(abc_module.__name__, abc_module is sys.modules["collections.abc"])
json = importlib.import_module("json")
json.added = "kept"
reloaded = importlib.reload(json)
print(reloaded is json, json.added, json.dumps([1]))
try:
    importlib.import_module(".relative")
except TypeError as error:
    print(error)
try:
    importlib.import_module("does_not_exist")
except ModuleNotFoundError as error:
    print(error)
try:
    importlib.reload("json")
except TypeError as error:
    print(error)
try:
    importlib.reload(type(sys)("loose"))
except ImportError as error:
    print(error)
