# KeyError shows the repr of the key; IndexError names the container.
table = {"present": 1, 2: "two"}
for key in ["absent", 3, (1, 2), 2.5]:
    try:
        table[key]
    except KeyError as e:
        print("KeyError", e)
items = [10, 20]
try:
    items.pop(5)
except IndexError as e:
    print("IndexError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    items[-3] = 0
except IndexError as e:
    print("IndexError", e)
try:
    items.remove(99)
except ValueError as e:
    print("ValueError", e)
