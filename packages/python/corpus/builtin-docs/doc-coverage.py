# Every common built-in has CPython's docstring: print the first line of each.
import builtins
names = """abs all any bin bool bytearray bytes callable chr classmethod complex delattr dict dir
divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash hex id
input int isinstance issubclass iter len list locals map max memoryview min next object oct
open ord pow print property range repr reversed round set setattr slice sorted staticmethod
str sum super tuple type vars zip""".split()
missing = []
for name in names:
    doc = getattr(builtins, name).__doc__
    if doc is None:
        missing.append(name)
    else:
        print(name, "|", doc.splitlines()[0])
print("missing:", missing)
