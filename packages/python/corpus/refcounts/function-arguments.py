# Inside a call the parameter is one more reference; a local alias adds another.
import sys


class Thing:
    pass


def show(obj):
    print("inside:", sys.getrefcount(obj))


def show_local(obj):
    alias = obj
    print("inside with alias:", sys.getrefcount(obj))


t = Thing()
print("outside:", sys.getrefcount(t))
show(t)
show_local(t)
print("after calls:", sys.getrefcount(t))
