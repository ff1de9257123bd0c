# A frame object made during a call keeps the call's locals alive after it returns
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def without_frame():
    obj = Noisy("plain")
    return 1

def with_frame():
    obj = Noisy("kept")
    return sys._getframe()

without_frame()
print("plain call returned")
frame = with_frame()
print("frame returned", frame.f_lineno, frame.f_locals["obj"].name)
del frame
print("frame dropped")
