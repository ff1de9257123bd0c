# Protocol 4 frames committed at 64 KiB, and payloads of 64 KiB or more written outside frames
# (protocols 1, 3 and 4: 5 frames as 4 does).
import hashlib
import pickle


def summary(data):
    return len(data), data[:24], data[-24:], hashlib.sha256(data).hexdigest()[:16]


cases = {
    'bigstr': 'q' * 70000,
    'bigbytes': b'r' * 70000,
    'bigbytearray': bytearray(b's' * 70000),
    'mixed': [b'a' * 65536, 'b' * 10, [1, 2] * 3000, 'c' * 65535],
    'strings': ['item %05d of a list long enough to pass 64 KiB' % i for i in range(1400)],
}
for name, value in cases.items():
    for protocol in (1, 3, 4):
        data = pickle.dumps(value, protocol)
        back = pickle.loads(data)
        print(name, protocol, summary(data), back == value, type(back).__name__)
