# Dropping a 30000-long chain of instances frees it without overflowing any stack (CPython: the trashcan).
class Link:
    def __init__(self, next_link):
        self.next = next_link


head = None
for i in range(30000):
    head = Link(head)
print("built")
head = None
print("freed")
nested = []
for i in range(30000):
    nested = [nested]
print("nested lists built")
nested = None
print("nested lists freed")
