# printf-style formatting of bytes: %s takes bytes, %d and %x ints, %% a percent sign.
print(b'%s=%d' % (b'x', 5), b'%x|%5d|%-3d|' % (255, 42, 7), b'100%%' % ())
print(b'%c%c' % (65, b'B'), b'%r' % (b'q',), b'%b' % b'raw', b'%05.1f' % 3.14159)
print(bytearray(b'%s!') % b'hi', b'%(a)s' % {b'a': b'dict'})
for args in [(1,), ('str',)]:
    try:
        print(b'%s' % args)
    except TypeError as error:
        print(error)
