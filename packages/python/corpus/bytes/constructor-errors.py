# The constructors' errors, with CPython's types and messages.
cases = [
    lambda: bytes(1.5), lambda: bytearray(1.5), lambda: bytes(object()), lambda: bytes(None),
    lambda: bytes('a'), lambda: bytearray('a'), lambda: bytes(1, 'utf-8'),
    lambda: bytes(errors='x'), lambda: bytes([256]), lambda: bytearray([256]),
    lambda: bytes([-1]), lambda: bytes(['a']), lambda: bytes(-1), lambda: bytearray(-1),
    lambda: bytes(1, 2, 3, 4), lambda: bytes(x=1), lambda: bytes('a', 'nope'),
    lambda: bytes('a', 'ascii', 1), lambda: bytes('a', 1),
]
for case in cases:
    try:
        print(case())
    except Exception as error:
        print(type(error).__name__, error)
