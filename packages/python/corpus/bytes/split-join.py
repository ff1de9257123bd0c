# split, rsplit, splitlines and join on bytes and bytearray.
print(b'a,b,,c'.split(b','), b'a,b,c'.split(b',', 1), b'a,b,c'.rsplit(b',', 1))
print(b'  one two\tthree\n'.split(), b' a b c '.split(None, 1), b'a b c'.rsplit(maxsplit=1))
print(b'ab--cd--'.split(b'--'), b''.split(), b''.split(b','), b'xyz'.split(b'xyz'))
print(b'l1\nl2\r\nl3\rl4'.splitlines(), b'l1\nl2\r\n'.splitlines(True), b''.splitlines())
print(b', '.join([b'a', b'b', bytearray(b'c')]), b''.join([]), b'-'.join(x for x in [b'1', b'2']))
print(bytearray(b'+').join([b'a', b'b']), bytearray(b'a b').split())
try:
    b','.join([b'a', 'b'])
except TypeError as error:
    print(error)
try:
    b'a'.split(b'')
except ValueError as error:
    print(error)
try:
    b'a'.split(',')
except TypeError as error:
    print(error)
