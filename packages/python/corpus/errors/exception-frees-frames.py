# Frames unwound by an exception release their locals once the exception is handled.
class Probe:
    def __init__(self, depth):
        self.depth = depth

    def __del__(self):
        print("probe", self.depth, "freed")


def descend(depth):
    p = Probe(depth)
    if depth == 3:
        raise IndexError("bottom")
    descend(depth + 1)


try:
    descend(1)
except IndexError as e:
    print("handler sees", e)
print("after handler")
