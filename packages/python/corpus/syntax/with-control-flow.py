# return, break and continue leave the block through __exit__.
class Trace:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
    def __exit__(self, *exc):
        print("exit", self.name)
def f():
    with Trace("f"):
        return "value"
print(f())
for i in range(3):
    with Trace(i):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done", i)
