# Batches of 1000 (APPENDS/SETITEMS/ADDITEMS) and the empty batch CPython writes after a dict of
# exactly 1000 items (protocols 0, 1 and 4: 2 and 3 batch as 1 does, 5 as 4).
import hashlib
import pickle


def summary(data):
    return len(data), data[:24], data[-24:], hashlib.sha256(data).hexdigest()[:16]


cases = {
    'list1000': list(range(1000)),
    'list1001': list(range(1001)),
    'dict1000': {i: i for i in range(1000)},
    'dict2001': {i: -i for i in range(2001)},
    'set1000': set(range(1000)),
    'set1500': set(range(1500)),
    'frozenset1200': frozenset(range(1200)),
    'tuple1200': tuple(range(1200)),
}
for name, value in cases.items():
    for protocol in (0, 1, 4):
        data = pickle.dumps(value, protocol)
        back = pickle.loads(data)
        print(name, protocol, summary(data), back == value, type(back).__name__)
