# split and subgroup by type, tuple of types and predicate; nested structure is kept
eg = ExceptionGroup("outer", [
    ValueError(1),
    ExceptionGroup("inner", [TypeError(2), ValueError(3)]),
    KeyError(4),
])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup((TypeError, KeyError))))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(eg.subgroup(OSError), eg.split(OSError))
print(eg.subgroup(Exception) is eg, eg.split(ExceptionGroup)[0] is eg)
print(eg.subgroup(lambda e: e is eg) is eg)
for matcher in [1, int, (ValueError, "x")]:
    try:
        eg.split(matcher)
    except TypeError as e:
        print(e)
print(repr(eg.derive([ZeroDivisionError()])))
seen = []
eg.subgroup(lambda e: seen.append(type(e).__name__))
print(seen)
