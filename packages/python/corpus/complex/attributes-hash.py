# real, imag and conjugate(); equality with real numbers; complexes as dict keys and set members.
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), type(z.real))
print((2.5j).real, (7 + 0j).imag)
print(1 + 2j == 1 + 2j, 0j == 0, 0j == False, 1 + 0j == 1.0, 1j != 1)
print(hash(1 + 0j) == hash(1), hash(1j), hash(2 + 3j))
print({1j: "a"}[1j], {0j, 0, False}, {1: "one"}[1 + 0j])
print(bool(0j), bool(1j), bool(complex(0, -0.0)))
