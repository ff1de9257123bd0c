# sys.modules is a dict of the loaded modules; import adds to it and reuses its entries.
import sys

print(type(sys.modules).__name__)
print(sys.modules["sys"] is sys, sys.modules["__main__"].__name__)
print("json" in sys.modules)
import json

print("json" in sys.modules, sys.modules["json"] is json)
import json as again

print(again is json)
import builtins

print(builtins.len("abc"), sys.modules["builtins"] is builtins)
print(sys.modules["__main__"].__dict__ is globals())
