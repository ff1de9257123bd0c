# finalize objects still alive at exit are called newest first; atexit=False ones are not; errors are reported.
import weakref

class Thing:
    def __init__(self, name):
        self.name = name

def goodbye(name):
    print("goodbye", name)

things = [Thing("t%d" % i) for i in range(4)]
finalizers = [weakref.finalize(t, goodbye, t.name) for t in things]
finalizers[1].atexit = False
print([f.atexit for f in finalizers])
finalizers[2]()
print([f.alive for f in finalizers])
del things[0]
print([f.alive for f in finalizers])

keeper = Thing("keeper")
def late_registration():
    print("registering during exit")
    weakref.finalize(keeper, goodbye, "registered during exit")
weakref.finalize(keeper, late_registration)
print("end of script")
