# partition, rpartition and the padding methods (ljust, rjust, center, zfill) of bytes.
print(b'a=b=c'.partition(b'='), b'a=b=c'.rpartition(b'='), b'abc'.partition(b'x'), b'abc'.rpartition(b'x'))
print(b'ab'.center(7, b'*'), b'ab'.ljust(5), b'ab'.rjust(5, b'0'), b'-42'.zfill(6), b'abc'.center(6))
print(b'long'.ljust(2), b'7'.zfill(3), b'+7'.zfill(4), b''.zfill(2), bytearray(b'x').center(3, b'.'))
print(bytearray(b'k=v').partition(b'='), type(bytearray(b'k=v').partition(b'=')[0]).__name__)
cases = [lambda: b'a'.partition(b''), lambda: b'a'.ljust(5, b'xy'), lambda: b'a'.ljust(5, 'x'),
         lambda: b'a'.partition('x'), lambda: b'a'.center('5')]
for case in cases:
    try:
        print(case())
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
