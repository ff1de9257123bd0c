# Generators (pyperformance's generators shape): an in-order walk of a binary tree by recursive
# generators delegating with `yield from`, and a pipeline of generator stages.
class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(low, high):
    if low >= high:
        return None
    middle = (low + high) // 2
    return Tree(build(low, middle), middle, build(middle + 1, high))


def squares(source):
    for item in source:
        yield item * item


def only_odd(source):
    for item in source:
        if item & 1:
            yield item


tree = build(0, 20000)
total = 0
for _ in range(4):
    for value in tree:
        total += value
    total += sum(only_odd(squares(iter(tree))))
print(total)
