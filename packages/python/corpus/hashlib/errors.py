# strings and non-buffers are refused with CPython's messages; unknown names and bad keywords too
import hashlib
h = hashlib.md5()
for bad in ['abc', 1, None, [1]]:
    for call in [lambda: hashlib.sha256(bad), lambda: h.update(bad)]:
        try:
            call()
        except TypeError as e:
            print(e)
for call in [lambda: hashlib.new('foo'), lambda: hashlib.new(b'md5'), lambda: hashlib.sha256(b'x', string=b'y'),
             lambda: hashlib.sha256(data=b'x', string=b'y'), lambda: hashlib.md5(b'', b''), lambda: hashlib.md5(foo=1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(h.hexdigest())
for call in [lambda: hashlib.new('md5', foo=1), lambda: hashlib.new('md5', b'', b''),
             lambda: hashlib.new('md5', b'', string=b''), lambda: hashlib.new('md5', b'', data=b'')]:
    try:
        call()
    except TypeError as e:
        print(e)
