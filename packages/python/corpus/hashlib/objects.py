# hash objects: name, sizes, copy independence, repr prefix, type name, no new attributes
import hashlib
h = hashlib.sha256(b'abc')
print(type(h).__name__, h.name, h.digest_size, h.block_size)
print([(n, hashlib.new(n).digest_size, hashlib.new(n).block_size) for n in ('md5', 'sha1', 'sha224', 'sha384', 'sha512')])
c = h.copy()
c.update(b'def')
print(h.hexdigest()[:12], c.hexdigest()[:12], hashlib.sha256(b'abcdef').hexdigest()[:12])
print(repr(h).startswith('<sha256 _hashlib.HASH object @ 0x'))
print(hashlib.new('SHA256', b'x').name, hashlib.new('sha1', data=b'x').hexdigest()[:8], hashlib.md5(string=b'x').hexdigest()[:8])
print(hashlib.md5(usedforsecurity=False).hexdigest())
for call in [lambda: h.digest(1), lambda: setattr(h, 'foo', 1), lambda: type(h)()]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__)
