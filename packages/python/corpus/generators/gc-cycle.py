# A generator in a reference cycle is found by gc.collect(); its finally block runs first.
import gc


class Node:
    def __del__(self):
        print("Node.__del__")


def gen(node):
    try:
        yield 1
    finally:
        print("generator finally; node still alive:", node is not None)


gc.disable()
node = Node()
node.gen = gen(node)
next(node.gen)
del node
print("dropped the cycle")
print("collected", gc.collect() > 0)
print("after collect")


def self_ref():
    me = yield
    try:
        yield me
    finally:
        print("self-referencing generator finally")


g = self_ref()
next(g)
g.send(g)
del g
print("collect again", gc.collect() > 0)
print(gc.collect())
