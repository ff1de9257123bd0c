# get_object_traceback() answers "which line allocated this object", with the calling lines when nframe > 1.
import tracemalloc

class Node:
    def __init__(self, value):
        self.value = value

def make_node(value):
    return Node(value)

def build(values):
    return [make_node(v) for v in values]

untraced = Node(0)
tracemalloc.start(3)
direct = Node(1)
nodes = build([2, 3])
tb = tracemalloc.get_object_traceback(direct)
print(len(tb), tb[-1].lineno, tb[-1].filename.endswith("object-traceback.py"))
tb = tracemalloc.get_object_traceback(nodes[0])
print(len(tb), [frame.lineno for frame in tb])
for line in tb.format():
    print(line.replace(tb[0].filename, "<this file>"))
print([line.replace(tb[0].filename, "<this file>") for line in tb.format(limit=1, most_recent_first=True)])
print(tracemalloc.get_object_traceback(untraced))
print(tracemalloc.get_object_traceback(nodes[0]) == tracemalloc.get_object_traceback(nodes[1]))
tracemalloc.stop()
print(tracemalloc.get_object_traceback(direct))
tracemalloc.start()
late = Node(4)
print(len(tracemalloc.get_object_traceback(late)))
tracemalloc.stop()
