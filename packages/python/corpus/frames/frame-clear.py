# frame.clear(): RuntimeError while the frame runs; after the call it drops the locals
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def running():
    frame = sys._getframe()
    try:
        frame.clear()
    except RuntimeError as error:
        print("RuntimeError:", error)
    obj = Noisy("cleared")
    return frame

frame = running()
print(sorted(frame.f_locals))
frame.clear()
print("after clear", frame.f_locals, frame.f_lineno)
frame.clear()
print(frame.f_code.co_name)
