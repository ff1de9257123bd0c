# in / not in: numbers equal across types; a set key is looked up as a frozenset.
s = {1, 2.5, (1, 2), frozenset({3})}
print(1 in s, 1.0 in s, True in s, 2 in s, 2.5 in s)
print((1, 2) in s, (2, 1) not in s)
print({3} in s, frozenset({3}) in s)
try:
    print([1] in s)
except TypeError as e:
    print("TypeError", e)
t = {frozenset({1})}
try:
    t.difference_update([{1}])
except TypeError as e:
    print("TypeError", e)
t.discard({1})
print(t)
