# A class object is always part of reference cycles; instances keep their class alive.
import gc

gc.disable()
gc.collect()


class Temporary:
    def hello(self):
        return "hello"


instance = Temporary()
del Temporary
print(instance.hello(), type(instance).__name__)
print("class still reachable:", gc.collect())
del instance
print("class gone:", gc.collect() > 0)
