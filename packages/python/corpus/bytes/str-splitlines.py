# str.splitlines splits at every line boundary CPython knows, with and without the ends.
text = 'a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l'
print(text.splitlines())
print(text.splitlines(True))
print('x\n\n'.splitlines(), 'x\n\n'.splitlines(keepends=True), ''.splitlines(), '\n'.splitlines())
print('no ends'.splitlines(), 'tail\r\n'.splitlines(True))
