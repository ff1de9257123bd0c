# A callback runs at the moment of death, in the middle of whatever statement dropped the object.
import weakref

log = []


class Target:
    def __init__(self, name):
        self.name = name


def note(ref):
    log.append("died")
    print("callback, log length", len(log))


holder = [Target("x")]
r = weakref.ref(holder[0], note)
log.append("before")
holder.pop()
log.append("after")
print(log)
