# update in pieces across block boundaries equals one-shot hashing; digest does not finish the object
import hashlib
data = bytes(range(256)) * 5
for name in sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'}):
    whole = hashlib.new(name, data).hexdigest()
    for step in (31, 55, 64, 127, 200):
        h = hashlib.new(name)
        for i in range(0, len(data), step):
            h.update(data[i:i + step])
            h.digest()
        assert h.hexdigest() == whole, (name, step)
    print(name, whole[:16])
