# Complex literals and their reprs: parentheses unless the real part is +0, signed zeros kept.
print(1j, 2.5j, 0j, 1 + 2j, 1.5 - 2.5j)
print(-0j, -(1j), 0j * -1, complex(-0.0, 0), complex(0, -0.0))
print(1e16 + 1j, 123j, 1e300j * 1e10)
print(complex(float("nan"), float("inf")), complex(1, float("nan")))
print(type(1j), str(1 + 2j), [1j, (2 - 1j)])
