# hmac over hashlib: RFC 2104 values, copy, long keys, compare_digest, argument errors
import hmac, hashlib
h = hmac.new(b'key', b'msg', 'sha256')
print(h.hexdigest(), h.name, h.digest_size, h.block_size, type(h).__name__)
h2 = h.copy()
h2.update(b'more')
print(h.hexdigest()[:8], h2.hexdigest()[:8], hmac.new(b'key', b'msgmore', hashlib.sha256).hexdigest()[:8])
print(hmac.digest(b'k' * 100, b'x', 'md5').hex(), hmac.new(b'', digestmod='sha1').hexdigest())
print(hmac.new(b'Jefe', b'what do ya want for nothing?', hashlib.md5).hexdigest())
print(hmac.compare_digest(b'a', b'a'), hmac.compare_digest('a', 'b'), hmac.compare_digest(bytearray(b'ab'), b'ab'))
for call in [lambda: hmac.new(b'k'), lambda: hmac.new('k', digestmod='md5'), lambda: hmac.compare_digest('a', b'a'),
             lambda: hmac.compare_digest('é', 'é'), lambda: hmac.new(b'k', 'x', 'md5'),
             lambda: hmac.new(b'k', digestmod='nope'), lambda: hmac.compare_digest(1, 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
