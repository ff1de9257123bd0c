# A frame stored in its own locals is a cycle: the collector finds it after the call returns
import gc
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def self_reference():
    obj = Noisy("in cycle")
    me = sys._getframe()

def through_object():
    holder = Noisy("holder")
    holder.frame = sys._getframe()

gc.collect()
self_reference()
print("returned")
print("collected", gc.collect())
through_object()
print("returned again")
print("collected", gc.collect())
