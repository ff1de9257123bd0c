# An exception escaping a for loop releases the loop's iterator and the current item.
class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("item", self.n, "freed")


def scan(limit):
    for item in [Item(0), Item(1), Item(2)]:
        if item.n == limit:
            raise IndexError("stop at " + str(limit))
    return "done"


try:
    scan(1)
except IndexError as e:
    print("caught", e)
print("between")
while True:
    try:
        value = Item(9)
        break
    finally:
        print("finally in while")
print("loop left with", value.n)
