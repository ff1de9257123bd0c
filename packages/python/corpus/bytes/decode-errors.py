# UnicodeDecodeError positions and reasons, byte for byte as CPython reports them.
cases = [b'\xff', b'ab\x80', b'\xe2\x82', b'\xe2\x82x', b'\xe2', b'\xc3(', b'\xed\xa0\x80',
         b'\xf0\x9f\x90', b'\xf5\x80', b'\xc0\xaf', b'ok\xf4\x90\x80\x80']
for data in cases:
    try:
        data.decode()
    except UnicodeDecodeError as error:
        print(error)
        print(error.start, error.end, error.reason)
try:
    b'caf\xe9'.decode('ascii')
except UnicodeDecodeError as error:
    print(error)
print(issubclass(UnicodeDecodeError, UnicodeError))
