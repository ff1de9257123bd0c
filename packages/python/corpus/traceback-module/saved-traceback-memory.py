# A saved traceback keeps each frame's locals alive; clear_frames or dropping it frees them
import traceback

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def fail(tag):
    obj = Noisy(tag)
    raise ValueError(tag)

def capture(tag):
    try:
        fail(tag)
    except ValueError as error:
        return error

first = capture("first")
print("captured", [f.f_code.co_name for f, _ in traceback.walk_tb(first.__traceback__)])
del first
print("dropped first")
second = capture("second")
traceback.clear_frames(second.__traceback__)
print("cleared second")
del second
print("end")
