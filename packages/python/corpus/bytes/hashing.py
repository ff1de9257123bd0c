# bytes hash like the str of the same ASCII text, work as dict and set keys; bytearray does not.
print(hash(b'abc') == hash('abc'), hash(b'') == 0, hash(b'x') == hash(bytes([120])))
d = {b'key': 1, b'other': 2}
d[bytes(b'key')] = 3
print(d, d[b'other'], b'key' in d, len(d))
s = {b'a', b'a', b'b', bytes([97])}
print(len(s), b'a' in s, sorted(s))
print({b'x': 1} == {b'x': 1}, (b'a', 1) in {(b'a', 1)})
for case in [lambda: hash(bytearray()), lambda: {bytearray(b'x'): 1}, lambda: {bytearray()}]:
    try:
        print(case())
    except TypeError as error:
        print(error)
