# a list subclass instance holding itself (or via its __dict__) is a cycle gc.collect() frees
import gc
class Node(list):
    def __del__(self):
        print("del", self.name)
gc.collect()
a = Node()
a.name = "self-loop"
a.append(a)
print(gc.is_tracked(a), len(a), a[0] is a)
del a
print("collected", gc.collect())
b = Node([1])
b.name = "via-dict"
b.me = b
del b
print("collected", gc.collect())
c = Node()
c.name = "plain"
del c
print("end")
