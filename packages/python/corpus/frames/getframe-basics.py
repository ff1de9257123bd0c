# sys._getframe: the running frame, its callers through f_back, and the depth errors
import sys

def inner():
    frame = sys._getframe()
    print(frame.f_code.co_name, frame.f_lineno)
    print(sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name)
    print(frame.f_back is sys._getframe(1), frame.f_back.f_back.f_back)
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    print(names)

def outer():
    inner()

outer()
print(sys._getframe().f_code.co_name, sys._getframe(0) is sys._getframe())
for depth in (5, -1):
    try:
        sys._getframe(depth)
    except ValueError as error:
        print("ValueError:", error)
try:
    sys._getframe(depth=0)
except TypeError as error:
    print("TypeError:", error)
try:
    sys._getframe("0")
except TypeError as error:
    print("TypeError:", error)
