# globals() is the module dict; locals() in a function is a fresh snapshot dict (PEP 667)
counter = 0
def f(a, b=2):
    c = a + b
    def inner():
        return c
    snapshot = locals()
    print(sorted(snapshot), snapshot["c"])
    snapshot["c"] = 100
    print(c, locals() is locals())
    return inner
f(1)
print(globals() is globals(), globals()["counter"], "f" in globals())
globals()["counter"] = 5
print(counter)
class Body:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(Body.names)
print(locals() is globals())
