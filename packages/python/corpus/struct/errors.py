# struct.error messages for bad formats, wrong counts, out-of-range values and short buffers
import struct
print(issubclass(struct.error, Exception), struct.error.__module__, struct.error.__mro__[1])
cases = [('b', (200,)), ('B', (-1,)), ('h', (1 << 15,)), ('i', ('x',)), ('i', (1.0,)), ('i', ()),
         ('i', (1, 2)), ('Q', (-1,)), ('>q', (1 << 63,)), ('I', (-1,)), ('L', (2**64,)), ('<l', (2**31,)),
         ('n', (2**63,)), ('N', (-1,)), ('z', (1,)), ('3', ()), ('<n', (1,)), ('<P', (1,)), ('i', (None,))]
for fmt, args in cases:
    try:
        print(struct.pack(fmt, *args))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for fmt, data in [('i', b'abc'), ('>h', b'abcd'), ('c', b''), ('i', 'abcd'), ('i', 1234)]:
    try:
        print(struct.unpack(fmt, data))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for bad in [1, None, ['i']]:
    try:
        struct.Struct(bad)
    except Exception as e:
        print(type(e).__name__, e)
