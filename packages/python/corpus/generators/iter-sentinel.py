# iter(callable, sentinel) calls until the sentinel comes back.
values = [3, 2, 1, 0, 5]


def take():
    return values.pop(0)


it = iter(take, 0)
print(type(it).__name__)
print(list(it))
print(values)
print(list(it))

counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


for n in iter(tick, 4):
    print("tick", n)
try:
    iter(5, 0)
except TypeError as e:
    print(e)
