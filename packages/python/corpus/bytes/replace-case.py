# replace, the ASCII case methods and the is* predicates of bytes.
h = b'hello hello'
print(h.replace(b'l', b'L'), h.replace(b'hello', b'bye', 1), h.replace(b'', b'-'), h.replace(b'x', b'y'))
print(b'abc'.replace(b'', b'.', 2), b'aaa'.replace(b'a', b''), bytearray(b'ab').replace(b'a', b'z'))
print(b'Hello World'.upper(), b'Hello World'.lower(), b'Hello World'.swapcase())
print(b'hello world'.title(), b'hELLO'.capitalize(), b'caf\xe9'.upper(), b'x1y'.title())
for data in [b'123', b'abc', b'abc123', b' \t', b'ABC', b'abc', b'', b'\x80', b'Ab']:
    print(data, data.isdigit(), data.isalpha(), data.isalnum(), data.isspace(),
          data.isupper(), data.islower(), data.isascii())
