# An exception escaping a generator ends the program with CPython's last line.
def parse(items):
    for item in items:
        yield int(item)


total = 0
for value in parse(["1", "2", "x", "4"]):
    total += value
    print("total", total)
print("not reached")
