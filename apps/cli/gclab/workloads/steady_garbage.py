# Steady cyclic garbage beside long-lived caches: the program behind CPython 3.14's incremental
# collector regression. Small garbage cycles are made continuously while a large cache of live
# objects sits in the old generation; how much garbage waits uncollected is the question.
import _gclab as lab

class Entry:
    def __init__(self, key):
        self.key = key
        self.payload = [key, key + 1]

class Pair:
    def __init__(self):
        self.other = None

class Sentinel:
    def __init__(self, count):
        self.count = count
    def __del__(self):
        lab.freed(self.count)

cache = {}
for key in range(lab.scaled(50000)):
    cache[key] = Entry(key)

def request(i):
    a = Pair()
    b = Pair()
    a.other = b
    b.other = a
    a.sentinel = Sentinel(2)
    entry = cache[i % len(cache)]
    entry.payload[0] = i
    return len(entry.payload)

total = 0
for i in range(lab.scaled(200000)):
    total += request(i)
    if i % 100 == 99:
        lab.dropped(200)
lab.sample()
