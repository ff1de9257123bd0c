# `from module import` of a misspelt name: ImportError.name_from and a suggestion from dir(module).
try:
    from sys import getrefcont
except ImportError as e:
    print(e.name, e.name_from, e.path)
print("again, uncaught")
from sys import getrefcont
