# Concatenation, repetition and comparison of bytes and bytearray, and their errors.
print(b'ab' + b'cd', b'ab' + bytearray(b'c'), bytearray(b'a') + b'b', b'x' * 3, 2 * b'yz', b'q' * 0, b'r' * -1)
print(b'a' < b'b', b'ab' < b'abc', b'b' > b'abc', b'abc' == b'abc', b'a' != b'b', b'\xff' > b'\x01')
print(b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', b'a' == 'a', b'1' == 1, b'' <= b'')
print(sorted([b'b', b'a', b'ab', b'']), max(b'x', b'xy'), min([bytearray(b'z'), b'y']))
print(bool(b''), bool(b'\x00'), bool(bytearray()), not b'a', b'' or b'default')
for left, right in [(b'a', 'x'), (bytearray(b'a'), 'x'), (b'a', 1), (1, b'a'), ('a', b'a')]:
    try:
        print(left + right)
    except TypeError as error:
        print(error)
for case in [lambda: b'a' * 'x', lambda: b'a' * 1.5, lambda: b'a' < 'a', lambda: b'a' >= 1]:
    try:
        print(case())
    except TypeError as error:
        print(error)
