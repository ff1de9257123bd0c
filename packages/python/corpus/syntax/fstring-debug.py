# f-strings: the = specifier, conversions, nested format specs and quote reuse (PEP 701).
x = 42
name = "pymem"
print(f"{x=}", f"{x = }", f"{name=!s}", f"{x=:>6}")
width = 8
print(f"[{name:>{width}}]", f"[{x:{'^'}{width}}]")
print(f"{"nested " + f'{x}'}")
items = {"a": 1}
print(f"{items["a"]}")
print(f"{x!r} {name!r} {3.5!s}")
