# pickle.dumps on built-in types, protocols 0-5: the exact bytes, then the round trip.
import pickle

values = [
    None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -255, 2**31 - 1, 2**31, -2**31,
    -2**31 - 1, 2**63, -2**63, 2**64 + 7, -2**100, 10**300, 0.0, -0.0, 1.5, 1e300, -2.5e-300,
    float('inf'), float('-inf'), '', 'abc', 'h\xe9llo', '\u20ac\U0001f600', 'a\\b\n\r\0\x1a',
    'x' * 300, b'', b'ab\x00\xff', b'z' * 300, bytearray(), bytearray(b'xy'), (), (1,), (1, 2),
    (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], [[], ()], {}, {1: 2}, {1: 2, 3: 4}, set(),
    {1, 2, 3}, frozenset(), frozenset({1, 2}), 1 + 2j, range(3), range(1, 10, 2), slice(1, 5),
    slice(None, None, -1), Ellipsis, NotImplemented, type(None), type(Ellipsis), int, len,
    ValueError, ValueError('bad', 2), KeyError('k'),
]

for value in values:
    for protocol in range(6):
        data = pickle.dumps(value, protocol)
        print(protocol, repr(value)[:40], data)
        back = pickle.loads(data)
        same = back == value or (back != back and value != value) or type(value) is type(back) is ValueError or type(value) is type(back) is KeyError
        if not same:
            print('  MISMATCH', back)
        if type(back) is not type(value):
            print('  TYPE', type(back).__name__)

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.dumps(1), pickle.dumps(1, -1), pickle.dumps(1, protocol=None))
