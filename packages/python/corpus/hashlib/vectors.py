# the standard test vectors of every algorithm, hexdigest and digest agree
import hashlib
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    for data in [b'', b'abc', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq']:
        h = getattr(hashlib, name)(data)
        print(name, len(data), h.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
