# set_threshold/get_threshold round-trip; omitted thresholds keep their old values.
import gc

print(gc.get_threshold())
gc.set_threshold(100, 5, 7)
print(gc.get_threshold())
gc.set_threshold(50)
print(gc.get_threshold())
gc.set_threshold(700, 10)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)
print(gc.get_threshold())
