# A tree with parent back-pointers is one big cycle; dropping the root frees it all at gc time.
import gc

gc.disable()


class TreeNode:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


root = TreeNode(None)
for i in range(3):
    child = TreeNode(root)
    for j in range(2):
        TreeNode(child)
del child
print("nodes alive, collect:", gc.collect())
del root
print("tree collected:", gc.collect())
