# The manager lives until the block ends; the bound value follows normal refcounting.
class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Manager:
    def __enter__(self):
        return Resource("value")
    def __exit__(self, *exc):
        print("exit")
    def __del__(self):
        print("del manager")
with Manager() as r:
    print("in block")
print("after block")
del r
print("end")
