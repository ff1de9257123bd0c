# gc.disable() stops automatic collection only; gc.collect() still works.
import gc

print("enabled at start:", gc.isenabled())
gc.disable()
print("after disable:", gc.isenabled())
a = []
a.append(a)
del a
print("manual collect while disabled:", gc.collect())
gc.enable()
print("after enable:", gc.isenabled())
gc.enable()
print("enable twice:", gc.isenabled())
