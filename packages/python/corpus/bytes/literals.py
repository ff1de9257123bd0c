# Bytes literals: every prefix, escapes, raw strings and adjacent concatenation.
print(b'abc', B'abc', b"dq", rb'\d+', Rb'\n', bR'x\y', BR'\t', br"\"")
print(b'\x00\x7f\x80\xff', b'\t\n\r\a\b\f\v', b'\101\0\777'[:2])
print(b'one' b' two' B" three")
print(b'''tri
ple''', b"""q'uote""")
print(b'\\', b'\'', b"\"", len(b'\x00\x01'))
print(b'line\
continued')
print(type(b''), type(b'x').__name__, b'' is not None)
