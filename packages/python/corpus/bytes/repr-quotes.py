# repr() of bytes picks quotes as CPython does and escapes what is not printable ASCII.
samples = [b'', b'plain', b"it's", b'say "hi"', b'both \' and "', b'\\back', b'\x00\x1f\x7f\x80\xfe']
for sample in samples:
    print(repr(sample), str(sample), len(repr(sample)))
print(repr(bytes(range(0, 256, 17))))
print([b'a', (b'b',), {b'c': b'd'}])
print(f"{b'x'}", '%s %r' % (b'y', b'z'), format(b'w'))
print(repr(bytearray(b"it's")), str(bytearray()), repr(bytearray(b'\n')))
