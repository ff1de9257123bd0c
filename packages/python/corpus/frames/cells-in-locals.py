# f_locals shows cell and free variables by their contents, and writes through the cell
import sys

def outer():
    shared = "outer value"
    def inner():
        frame = sys._getframe()
        print(frame.f_locals["shared"], sorted(frame.f_locals))
        frame.f_locals["shared"] = "written by inner's frame"
        return shared
    print(inner())
    print(shared)
    frame = sys._getframe()
    print(sorted(frame.f_locals))
    print(inner.__code__.co_freevars, outer.__code__.co_cellvars)

outer()
