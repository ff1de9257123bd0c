# A class that tracks its live instances in a WeakSet, the way plugin registries and observers do.
import gc
import weakref

class Connection:
    live = weakref.WeakSet()
    def __init__(self, host):
        self.host = host
        Connection.live.add(self)
    def __repr__(self):
        return "Connection(" + self.host + ")"

def hosts():
    return sorted(c.host for c in Connection.live)

c1 = Connection("alpha")
c2 = Connection("beta")
c3 = Connection("gamma")
print(len(Connection.live), hosts())
del c2
print(len(Connection.live), hosts())
pool = [Connection("pooled%d" % i) for i in range(3)]
print(hosts())
pool = None
print(hosts())
c1.self_ref = c1
del c1
print(hosts())
gc.collect()
print(hosts())
print(c3 in Connection.live, "gamma" in Connection.live)
Connection.live.discard(c3)
print(len(Connection.live))
Connection.live.add(c3)
print(Connection.live.pop() is c3, len(Connection.live))
try:
    Connection.live.pop()
except KeyError as e:
    print("KeyError", e)
try:
    Connection.live.remove(c3)
except KeyError:
    print("remove of a missing item raises KeyError")
try:
    Connection.live.add(3)
except TypeError as e:
    print(e)
