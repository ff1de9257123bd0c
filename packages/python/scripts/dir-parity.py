# Prints, one line per target, "name<TAB>member member ...": the sorted dir() of every built-in
# type (and its views / iterators) and of the public functions of a few modules. Run by
# dir-parity.ts under CPython 3.13 and under pymem; the difference is what pymem lacks. When
# dir-parity.ts defines CHECK (target -> names missing from pymem's dir()), it prints instead the
# names that getattr() cannot find either: the members pymem truly lacks.
import builtins, math, itertools, functools, operator, collections, re, string, json, os.path

d = {1: 2}
targets = [
    ("str", str), ("bytes", bytes), ("bytearray", bytearray), ("int", int), ("bool", bool),
    ("float", float), ("complex", complex), ("list", list), ("tuple", tuple), ("dict", dict),
    ("dict_keys", type(d.keys())), ("dict_values", type(d.values())),
    ("dict_items", type(d.items())), ("set", set), ("frozenset", frozenset), ("range", range),
    ("slice", slice), ("memoryview", memoryview), ("type", type), ("object", object),
    ("function", type(lambda: 0)), ("property", property), ("classmethod", classmethod),
    ("staticmethod", staticmethod),
    ("str_iterator", type(iter(""))), ("bytes_iterator", type(iter(b""))),
    ("list_iterator", type(iter([]))), ("list_reverseiterator", type(reversed([]))),
    ("tuple_iterator", type(iter(()))), ("range_iterator", type(iter(range(0)))),
    ("set_iterator", type(iter(set()))), ("dict_keyiterator", type(iter(d))),
    ("dict_valueiterator", type(iter(d.values()))), ("dict_itemiterator", type(iter(d.items()))),
    ("dict_reversekeyiterator", type(reversed(d))),
    ("generator", type(x for x in ())), ("map", map), ("filter", filter), ("zip", zip),
    ("enumerate", enumerate), ("reversed", reversed),
]
for name in sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type)
                   and issubclass(getattr(builtins, n), BaseException)):
    targets.append((name, getattr(builtins, name)))
for module in (builtins, math, itertools, functools, operator, collections, re, string, json, os.path):
    targets.append(("module " + module.__name__, module))
if "CHECK" in globals():
    for name, value in targets:
        absent = [m for m in CHECK.get(name, ()) if not hasattr(value, m)]
        print(name + "\t" + " ".join(absent))
    raise SystemExit
for name, value in targets:
    members = sorted(dir(value))
    if name.startswith("module "):
        members = [m for m in members if not (m.startswith("__") and m.endswith("__"))]
    print(name + "\t" + " ".join(members))
