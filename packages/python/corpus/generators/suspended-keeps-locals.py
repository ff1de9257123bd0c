# A suspended generator keeps its locals alive; they die when it finishes or is dropped.


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def holder():
    res = Resource("local")
    yield 1
    print("resuming with", res.name)
    yield 2


g = holder()
print("created (not started)")
next(g)
print("suspended")
next(g)
print("suspended again")
for _ in g:
    pass
print("finished")

g = holder()
next(g)
print("dropping suspended generator")
del g
print("dropped")


def argument_holder(resource):
    yield resource.name


g = argument_holder(Resource("argument"))
print("argument kept by unstarted generator")
del g
print("end")
