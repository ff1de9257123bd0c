# A global assigned inside a function (via `global`) holds its reference after the call returns.
import sys


class Thing:
    def __del__(self):
        print("thing freed")


def install():
    global current
    current = Thing()
    print("inside:", sys.getrefcount(current))


install()
print("after:", sys.getrefcount(current))
del current
print("end")
