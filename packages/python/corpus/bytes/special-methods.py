# bytes' and bytearray's special methods called directly, as CPython's slot wrappers run them:
# concatenation of any bytes-like object, repetition by an index, % formatting (a mapping-like
# argument excuses unconverted arguments), comparisons declining what is not bytes-like,
# membership, length, items, iteration, hashing, and bytearray's in-place += and *=.


def attempt(f, *args):
    try:
        result = f(*args)
        return f"{type(result).__name__}:{result!r}"
    except Exception as e:
        return f"{type(e).__name__}: {e}"


OTHERS = [[2], (2,), "c", b"c", bytearray(b"d"), 99, 2, 2.0, True, None]
for t, value in [(bytes, b"ab"), (bytearray, bytearray(b"a"))]:
    names = ["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__lt__", "__eq__",
             "__ne__", "__ge__", "__contains__", "__getitem__"]
    if t is bytearray:
        names += ["__iadd__", "__imul__"]
    for name in names:
        f = getattr(t, name)
        print(t.__name__, name, " | ".join(attempt(f, t(value), b) for b in OTHERS))
    for name in ["__len__", "__iter__"]:
        f = getattr(t, name)
        print(t.__name__, name, "None" if f is None else attempt(lambda v: list(f(v)) if name == "__iter__" else f(v), t(value)))
print(bytes.__getitem__(b"abc", slice(1, None)), b"ab" % [2], b"%(k)s" % {b"k": b"v"})
print(attempt(bytes.__add__, bytearray(b"x"), b"y"), attempt(bytes.__len__, b"a", 1))
array = bytearray(b"xy")
print(bytearray.__iadd__(array, b"z") is array, array, bytearray.__imul__(array, 2), array)
print(bytes.__eq__(b"a", bytearray(b"a")), bytearray.__eq__(bytearray(b"a"), b"a"))
print(bytes.__hash__(b"") == hash(b""), bytearray.__hash__)
