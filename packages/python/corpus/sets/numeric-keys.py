# 1, 1.0 and True are one key: the first one stored stays.
print({1, 1.0, True})
print({True, 1, 1.0})
print({0.0, 0, False})
s = {2}
s.add(2.0)
print(s)
print({1, 2} == {1.0, 2.0})
print(len({-0.0, 0}))
