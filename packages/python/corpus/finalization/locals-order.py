# At return, locals are released in the order they were first assigned (co_varnames order).
class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("dying:", self.name)


def function(parameter):
    first = Named("first")
    second = Named("second")
    third = Named("third")
    print("returning")


function(Named("parameter"))
print("done")
