# strip, find, index, count, startswith and endswith on bytes.
b = b'  hello world  '
print(b.strip(), b.lstrip(), b.rstrip(), b'xxhixx'.strip(b'x'), b'\t\n x \x0b\x0c'.strip())
h = b'hello world'
print(h.find(b'o'), h.find(b'o', 5), h.find(b'zz'), h.rfind(b'o'), h.find(111), h.find(b''))
print(h.index(b'w'), h.rindex(b'l'), h.count(b'l'), h.count(b'l', 4), h.count(b''), h.count(108))
print(h.startswith(b'hell'), h.startswith(b'world', 6), h.endswith(b'world'), h.endswith((b'x', b'ld')))
print(h.find(b'o', -4), h.find(b'o', 0, 4), h.startswith(b''), bytearray(b'abc').find(b'c'))
for case in [lambda: h.index(b'zz'), lambda: h.startswith('h'), lambda: h.find('o'), lambda: h.count(300)]:
    try:
        print(case())
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
