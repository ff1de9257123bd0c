# gc.get_objects() lists tracked objects; building a cycle adds exactly its members.
import gc

gc.disable()
gc.collect()


class Node:
    pass


def count_nodes():
    total = 0
    for obj in gc.get_objects():
        if type(obj) is Node:
            total += 1
    return total


print("nodes before:", count_nodes())
a = Node()
b = Node()
a.b = b
b.a = a
print("nodes after building:", count_nodes())
del a, b
print("still there before collect:", count_nodes())
gc.collect()
print("after collect:", count_nodes())
