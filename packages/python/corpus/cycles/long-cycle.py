# A 20000-long ring is collected in one pass, without deep recursion.
import gc

gc.disable()
gc.collect()


class Link:
    pass


first = Link()
current = first
for i in range(19999):
    nxt = Link()
    current.next = nxt
    current = nxt
current.next = first
del current, nxt, first
print("collected:", gc.collect())
