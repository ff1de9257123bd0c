# An object is freed the moment its last reference goes away: when a function
# returns, when a name is rebound, or on del.
class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)

def work():
    r = Resource("temporary")
    print("working with", r.name)
    return 42

print("result", work())
x = Resource("first")
x = Resource("second")
del x
print("done")
