# Special methods called directly, beyond the number sweep of slot-wrappers.py: the issue's
# examples, the slot wrappers' argument checks, sequences' repeat counts as indexes, containers'
# comparisons declining other kinds, type.__or__ through the metaclass, subclasses' super() calls.
import warnings

warnings.simplefilter("error")


def attempt(f, *args):
    try:
        result = f(*args)
        return f"{type(result).__name__}:{result!r}"
    except Exception as e:
        return f"{type(e).__name__}: {e}"


# The examples of the issue, and the wrappers' own argument checks.
print((1).__add__(1.0), (1.0).__radd__(1), int.__or__(True, False), True | False)
print(int.__lt__(1, "a"), float.__lt__(1.5, 2), complex.__eq__(1 + 0j, 1), complex.__lt__(1j, 1j))
print(bool.__and__(True, 1), bool.__and__(True, True), bool.__rxor__(False, True))
for call in [
    lambda: int.__add__(1),
    lambda: int.__add__(1.0, 1),
    lambda: int.__neg__(1, 2),
    lambda: int.__pow__(1),
    lambda: int.__pow__(1, 2, 3, 4),
    lambda: int.__add__(1, other=2),
    lambda: float.__pow__(2.0, 3, 5),
    lambda: complex.__pow__(2j, 3, 5),
    lambda: int.__pow__(2, -1, 5),
    lambda: int.__round__(1, 2, 3),
    lambda: int.__trunc__(1, 2),
    lambda: float.__divmod__(1.0, 0),
    lambda: divmod(1, 0.0),
    lambda: int.__float__(2**1100),
    lambda: float.__int__(float("inf")),
    lambda: float.__int__(float("nan")),
    lambda: round(2.5, 1.0),
    lambda: round(-1.5, -1),
    lambda: (-1.5) ** 2.5,
    lambda: 1.0 ** float("nan"),
    lambda: (-1.0) ** float("inf"),
    lambda: bool.__invert__(True),
]:
    print(attempt(call))

# Sequences and containers: sq_repeat takes an index, comparisons decline other kinds.
for t, v in [(list, [1]), (tuple, (1,)), (str, "ab")]:
    for name in ["__add__", "__mul__", "__rmul__", "__lt__", "__eq__", "__contains__"]:
        f = getattr(t, name)
        print(t.__name__, name, " | ".join(attempt(f, t(v), b) for b in [[2], (2,), "c", 2, 2.0, True, None]))
print(attempt(list.__imul__, [1], 2.0), attempt(list.__imul__, [1], 2), str.__mod__("ab", [1]))
for t in [set, frozenset, dict]:
    for name in ["__lt__", "__eq__", "__or__", "__ror__", "__sub__"]:
        f = getattr(t, name, None)
        if f is not None:
            print(t.__name__, name, " | ".join(attempt(f, t(), b) for b in [{1}, frozenset({2}), {1: 2}, [1], 1]))

# Built-in methods are named with their type.
print(int.__add__.__qualname__, (1).__add__.__qualname__, list.append.__qualname__, len.__qualname__)

# type.__or__ is found on every class through its metaclass.
print(float.__or__(None), float.__ror__(None), float.__or__(1), int.mro())
print(attempt(float.__or__, 0.0, 0.0))


class Meters(int):
    def __add__(self, other):
        result = super().__add__(other)
        return result if result is NotImplemented else Meters(result)

    def __radd__(self, other):
        result = super().__radd__(other)
        return result if result is NotImplemented else Meters(result)


print(repr(Meters(2) + 3), repr(3 + Meters(2)), Meters(2) + 0.5, int.__add__(Meters(2), True))

Ratio = type("Ratio", (float,), {})
print(Ratio(1.5) + 1, float.__add__(Ratio(1.5), Ratio(2)), Ratio(2) ** 2, divmod(Ratio(7), 2))
