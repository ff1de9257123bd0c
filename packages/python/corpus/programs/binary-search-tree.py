# TheAlgorithms style: a binary search tree with insert, search, delete and in-order traversal.
class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


class BST:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
        else:
            node = self.root
            while True:
                side = "left" if key < node.key else "right"
                child = getattr(node, side)
                if child is None:
                    setattr(node, side, Node(key))
                    break
                node = child
        self.size += 1

    def __contains__(self, key):
        node = self.root
        while node is not None:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False

    def __iter__(self):
        stack, node = [], self.root
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            yield node.key
            node = node.right

    def height(self, node=...):
        if node is ...:
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))


tree = BST()
for key in [50, 30, 70, 20, 40, 60, 80, 35]:
    tree.insert(key)
print(list(tree), tree.size, tree.height())
print(35 in tree, 36 in tree)
print(sum(k for k in tree if k % 20 == 0))
