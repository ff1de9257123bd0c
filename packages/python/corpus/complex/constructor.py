# complex() from numbers, strings and keywords, with CPython's error messages.
print(complex(), complex(2), complex(1, 2), complex(1j, 1j), complex(True), complex(-0.0))
print(complex(real=1, imag=3), complex(imag=2))
print(complex("1+2j"), complex(" (3-4j) "), complex("j"), complex("-1.5e3J"), complex("1_0+2_0j"))
print(complex("1e5-2.5j"), complex("-j"), complex("inf+nanj"))
z = 1 + 1j
print(complex(z) is z)
for args in [("1+",), ("1", 2), (1, "2"), ([],), (1, [])]:
    try:
        complex(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
