# enumerate and zip are lazy iterator objects.
e = enumerate("abc")
print(type(e).__name__, next(e))
print(list(e))
print(list(enumerate(["x", "y"], start=10)))
print(list(enumerate(["x", "y"], 1)))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)

z = zip([1, 2, 3], "ab")
print(type(z).__name__, list(z), list(z))
print(list(zip()))
print(list(zip(range(3), range(10), "xyz")))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [4], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [2, 3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1, 2], [3, 4], [5], strict=True))
except ValueError as e:
    print(e)


def numbers():
    for n in range(5):
        print("produce", n)
        yield n


for a, b in zip(numbers(), "xy"):
    print(a, b)
