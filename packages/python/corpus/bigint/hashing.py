# Big ints as dict and set keys: equal to floats of the same value, hash consistent with floats.
keys = [2**60, 2**100, -(2**100), 10**30, 2**53 + 1]
for k in keys:
    print(hash(k) == hash(float(k)) or float(k) != k, hash(k) == hash(k + 0), hash(-k) == -hash(k))
d = {2**100: "a", 2.0**64: "b", 10**30: "c"}
print(d[2.0**100], d[2**64], d.get(10.0**30), d.get(10**30 + 1))
s = {2**70, float(2**70), 2**70 + 1, 2**70 - 1}
print(len(s), 2**70 in s, 2.0**70 + 2**20 in s)
counts = {}
for i in range(30):
    key = (2**64 + i) % (2**64 + 3)
    counts[key] = counts.get(key, 0) + 1
print(len(counts), sum(counts.values()), max(counts))
print({(2**80, 1): 5}[(2**80, 1)], frozenset([2**90]) == frozenset([2.0**90]))
