# Iterating a dict's keys, values and items adds only the loop variable's reference.
import sys


class Value:
    pass


table = {"a": Value(), "b": Value()}
for key in table:
    print("key loop, value:", sys.getrefcount(table[key]))
for value in table.values():
    print("values():", sys.getrefcount(value))
for key, value in table.items():
    print("items():", key, sys.getrefcount(value))
snapshot = list(table.values())
print("list(values()) copy:", sys.getrefcount(table["a"]))
