# Changing a set's size while iterating over it raises RuntimeError.
s = {1, 2, 3}
total = 0
for x in s:
    total += x
print(total)
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print(len(s) > 3)
print(sorted({5, 3, 9}), list({4, 2}), tuple({1}))
