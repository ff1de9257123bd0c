# Python Tutor: a singly linked list with __len__, __iter__, __getitem__, reversal and a generator pipeline.
class LinkedList:
    class _Node:
        __slots__ = ("value", "next")

        def __init__(self, value, next=None):
            self.value, self.next = value, next

    def __init__(self, values=()):
        self.head = None
        self._length = 0
        for value in reversed(list(values)):
            self.push(value)

    def push(self, value):
        self.head = self._Node(value, self.head)
        self._length += 1

    def __len__(self):
        return self._length

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __getitem__(self, index):
        if index < 0:
            index += len(self)
        for i, value in enumerate(self):
            if i == index:
                return value
        raise IndexError("linked list index out of range")

    def reverse(self):
        previous, node = None, self.head
        while node:
            node.next, previous, node = previous, node, node.next
        self.head = previous

    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"


lst = LinkedList(range(1, 6))
print(lst, len(lst), lst[0], lst[-1])
lst.reverse()
print(lst)
evens = (x * x for x in lst if x % 2 == 0)
print(list(evens), sum(lst))
try:
    lst[10]
except IndexError as error:
    print("IndexError:", error)
print(LinkedList())
