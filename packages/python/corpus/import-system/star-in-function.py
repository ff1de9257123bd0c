# import * inside a function is a SyntaxError, raised before anything runs.
print("never printed")


def load():
    from json import *
    return dumps


print(load())
