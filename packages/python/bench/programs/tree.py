# Build a binary tree of instances and drop it, repeatedly (pyperformance's gc_traversal/binary-trees shape).
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def build(depth):
    if depth == 0:
        return Node(None, None)
    return Node(build(depth - 1), build(depth - 1))


def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


total = 0
for round_number in range(8):
    tree = build(13)
    total += count(tree)
    tree = None
print(total)
