# The number types' special methods called directly, as CPython's slot wrappers run them: a slot
# takes only the operands its type converts (NotImplemented otherwise), a reflected method swaps
# them, int's slots give ints for bools while bool keeps its own &, |, ^, and __pow__ takes a
# modulus. Each line is one type's method over every operand pair.
import warnings

VALUES = {
    bool: [True, False],
    int: [0, 1, -7, 2**70],
    float: [0.0, 2.0, -2.0, float("inf"), float("nan")],
    complex: [0j, 1 + 2j],
}
OTHERS = [True, 3, 0.5, 1j, "a", [1], (1,), None]
BINARY = [
    "add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "pow",
    "lshift", "rshift", "and", "or", "xor",
]
COMPARISONS = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"]
UNARY = ["__neg__", "__pos__", "__abs__", "__invert__", "__bool__", "__index__", "__int__",
         "__float__", "__complex__", "__round__", "__trunc__", "__floor__", "__ceil__"]


def show(x):
    if isinstance(x, float) and x != x:
        return "nan"
    if isinstance(x, complex):
        return f"complex:{x!r}".replace("nan", "NaN")
    return f"{type(x).__name__}:{x!r}"


def attempt(f, *args):
    try:
        return show(f(*args))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def huge(name, a, b):
    # 2**70 as an exponent or shift count (and 3 ** 2**70) would take CPython ages too.
    big = 2**70
    return (b == big and name in ("pow", "lshift")) or (a == big and name in ("rpow", "rlshift"))


warnings.simplefilter("error")
for t, values in VALUES.items():
    for op in BINARY:
        for name in (f"__{op}__", f"__r{op}__"):
            f = t.__dict__.get(name) or getattr(int, name, None) if t is bool else t.__dict__.get(name)
            if f is None:
                print(t.__name__, name, "absent")
                continue
            row = [attempt(f, a, b) for a in values for b in values + OTHERS
                   if not huge(name.strip("_"), a, b)]
            print(t.__name__, name, " | ".join(row))
    for name in COMPARISONS:
        f = getattr(t, name)
        print(t.__name__, name, " | ".join(attempt(f, a, b) for a in values for b in values + OTHERS))
    for name in UNARY:
        f = getattr(t, name, None)
        if f is None:
            print(t.__name__, name, "absent")
            continue
        print(t.__name__, name, " | ".join(attempt(f, a) for a in values))
    for a in values:
        if hasattr(t, "__round__"):
            print(t.__name__, "__round__", repr(a), " | ".join(
                attempt(t.__round__, a, n) for n in (None, 0, 1, -1, 2.0)))
        for modulus in (None, 5, 0, 2.0, "m"):
            print(t.__name__, "pow3", repr(a), repr(modulus), attempt(t.__pow__, a, 3, modulus),
                  attempt(t.__rpow__, a, 3, modulus) if a != 2**70 else "")
