# In a comprehension the walrus binds in the enclosing scope (PEP 572).
def f(items):
    doubled = [(last := x * 2) for x in items]
    return doubled, last
print(f([1, 2, 3]))
squares = [s for x in range(5) if (s := x * x) > 3]
print(squares, s)
def g():
    [hit := v for v in "abc"]
    return hit
print(g())
