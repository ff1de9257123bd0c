# A running frame's object is not GC-tracked; one that took its frame over is
import gc
import sys

def running():
    return gc.is_tracked(sys._getframe())

def returned():
    return sys._getframe()

print(running())
frame = returned()
print(gc.is_tracked(frame))
print(frame.f_back is sys._getframe())
print(gc.is_tracked(sys._getframe()))
referents = gc.get_referents(frame)
print(frame.f_back in referents)
del frame
print(gc.collect())
