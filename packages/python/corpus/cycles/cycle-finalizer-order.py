# In one collection, finalizers run in the order the objects were created.
import gc

gc.disable()
gc.collect()


class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)


objects = [Named("n0"), Named("n1"), Named("n2"), Named("n3")]
for i in range(4):
    objects[i].next = objects[(i + 1) % 4]
objects = None
print("collected", gc.collect())
