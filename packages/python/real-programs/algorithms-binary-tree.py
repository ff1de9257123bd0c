"""Binary search tree with traversals (TheAlgorithms data_structures/binary_tree style)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


class Node:
    def __init__(self, value: int | None = None):
        self.value = value
        self.parent: Node | None = None
        self.left: Node | None = None
        self.right: Node | None = None

    def __repr__(self) -> str:
        from pprint import pformat

        if self.left is None and self.right is None:
            return str(self.value)
        return pformat({f"{self.value}": (self.left, self.right)}, indent=1)


class BinarySearchTree:
    """
    >>> t = BinarySearchTree().insert(10, 20, 30, 40, 50)
    >>> t.get_max().value
    50
    >>> [node.value for node in t.preorder_traverse(t.root)] == [10, 20, 30, 40, 50]
    True
    """

    def __init__(self, root: Node | None = None):
        self.root = root

    def __str__(self) -> str:
        return str(self.root)

    def __reassign_nodes(self, node: Node, new_children: Node | None) -> None:
        if new_children is not None:
            new_children.parent = node.parent
        if node.parent is not None:
            if node.parent.right == node:
                node.parent.right = new_children
            else:
                node.parent.left = new_children
        else:
            self.root = new_children

    def empty(self) -> bool:
        return not self.root

    def __insert(self, value) -> None:
        new_node = Node(value)
        if self.empty():
            self.root = new_node
        else:
            parent_node = self.root
            if parent_node is None:
                return
            while True:
                if value < parent_node.value:
                    if parent_node.left is None:
                        parent_node.left = new_node
                        break
                    else:
                        parent_node = parent_node.left
                elif parent_node.right is None:
                    parent_node.right = new_node
                    break
                else:
                    parent_node = parent_node.right
            new_node.parent = parent_node

    def insert(self, *values) -> "BinarySearchTree":
        for value in values:
            self.__insert(value)
        return self

    def search(self, value) -> Node | None:
        if self.empty():
            raise IndexError("Warning: Tree is empty! please use another.")
        node = self.root
        while node is not None and node.value is not value:
            node = node.left if value < node.value else node.right
        return node

    def get_max(self, node: Node | None = None) -> Node | None:
        if node is None:
            if self.root is None:
                return None
            node = self.root
        if not self.empty():
            while node.right is not None:
                node = node.right
        return node

    def get_min(self, node: Node | None = None) -> Node | None:
        if node is None:
            node = self.root
        if self.root is None:
            return None
        if not self.empty():
            node = self.root
            while node.left is not None:
                node = node.left
        return node

    def remove(self, value: int) -> None:
        node = self.search(value)
        if node is not None:
            if node.left is None and node.right is None:
                self.__reassign_nodes(node, None)
            elif node.left is None:
                self.__reassign_nodes(node, node.right)
            elif node.right is None:
                self.__reassign_nodes(node, node.left)
            else:
                predecessor = self.get_max(node.left)
                self.remove(predecessor.value)
                node.value = predecessor.value

    def preorder_traverse(self, node: Node | None) -> Iterable:
        if node is not None:
            yield node
            yield from self.preorder_traverse(node.left)
            yield from self.preorder_traverse(node.right)

    def traversal_tree(self, traversal_function=None) -> Any:
        if traversal_function is None:
            return self.preorder_traverse(self.root)
        else:
            return traversal_function(self.root)

    def inorder(self, arr: list, node: Node | None) -> None:
        if node:
            self.inorder(arr, node.left)
            arr.append(node.value)
            self.inorder(arr, node.right)

    def find_kth_smallest(self, k: int, node: Node) -> int:
        arr: list[int] = []
        self.inorder(arr, node)
        return arr[k - 1]


def postorder(curr_node: Node | None) -> list[Node]:
    node_list = []
    if curr_node is not None:
        node_list = postorder(curr_node.left) + postorder(curr_node.right) + [curr_node]
    return node_list


def binary_search_tree_example() -> None:
    testlist = (8, 3, 6, 1, 10, 14, 13, 4, 7)
    t = BinarySearchTree()
    for i in testlist:
        t.insert(i)

    print(t)
    print("Value 6 exists" if t.search(6) is not None else "Value 6 doesn't exist")
    print("Value -1 exists" if t.search(-1) is not None else "Value -1 doesn't exist")
    if not t.empty():
        print("Max Value: ", t.get_max().value)
        print("Min Value: ", t.get_min().value)
    print("kth smallest (3):", t.find_kth_smallest(3, t.root))
    print("postorder:", [node.value for node in postorder(t.root)])
    for i in testlist:
        t.remove(i)
    print(t)


if __name__ == "__main__":
    import doctest

    doctest.testmod(verbose=False)
    binary_search_tree_example()
