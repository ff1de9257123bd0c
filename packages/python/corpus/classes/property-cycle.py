# an instance stored in its own class's property getter closure: collected by gc.collect()
import gc
class Node:
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Node()
    n.name = name
    def get(self):
        return n
    Node.me = property(get)
    return n
a = make("a")
print(a.me is a)
del Node.me
del a
print("after del")
b = make("b")
b.self_ref = b
del b
del Node.me
print("collected", gc.collect() > 0)
