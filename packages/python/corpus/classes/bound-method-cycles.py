# an instance storing its own bound method or classmethod forms a cycle the collector frees
import gc
class Job:
    def __init__(self, name):
        self.name = name
        self.callback = self.run
    def run(self):
        return self.name
    def __del__(self):
        print("del", self.name)
gc.collect()
j = Job("first")
print(j.callback())
del j
print("after del")
print("collected", gc.collect())
k = Job("second")
k.again = k.callback
del k
print("collected", gc.collect())
