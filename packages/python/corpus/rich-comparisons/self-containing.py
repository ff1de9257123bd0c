# Containers holding themselves compare through the identity shortcut, not by recursion
d = {}
d['self'] = d
print(d == d, d == {'self': d}, d != d)
l = []
l.append(l)
print(l == l, l != l, l in l, l.count(l), l.index(l))
t = (l, d)
print(t == (l, d), [t] == [t])

class NeverEqual:
    def __eq__(self, other):
        return False
n = NeverEqual()
print(n == n, [n] == [n], (n,) == (n,), {'k': n} == {'k': n}, n in [n])
nan = float('nan')
print(nan == nan, [nan] == [nan], {1: nan} == {1: nan}, nan in [nan])
