# A bound method as the callback keeps its instance alive through the weakref.
import gc
import weakref

gc.disable()
gc.collect()


class Listener:
    def __init__(self):
        self.events = []

    def notify(self, ref):
        self.events.append("dead")
        print("listener notified")


class Target:
    pass


listener = Listener()
t = Target()
r = weakref.ref(t, listener.notify)
del t
print("events:", listener.events)
