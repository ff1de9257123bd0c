# Memory pools: small objects do not go to the system allocator one by one.
# pymalloc carves 256 KiB (64-bit CPython: 1 MiB) arenas into pools, each
# pool into equal blocks of one size class, and a freed block goes back on
# its pool's free list -- so the next object of that size usually lands in
# the very block just freed. On top of that, some types keep free lists of
# whole objects (floats, lists, dicts, small tuples).
# Run with:  pymem run memory-pools.py --stats   (statistics go to stderr)
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print("1. Allocating many small objects takes many blocks")
before = sys.getallocatedblocks()
points = [Point(i, i) for i in range(1000)]
grown = sys.getallocatedblocks() - before
print("  at least 1000 more blocks in use:", grown >= 1000)

print("2. Freeing them returns the blocks to their pools")
del points
# A few blocks may stay behind in the free lists of whole objects (section 4).
kept = sys.getallocatedblocks() - before
print("  more than 90% of those blocks are free again:", kept < grown / 10)

print("3. A freed block is reused by the next object of the same size")
p = Point(1, 2)
address = id(p)
del p
q = Point(3, 4)
print("  the new point reuses the freed block:", id(q) == address)

print("4. Floats have a free list of whole objects")
x = 1.5
f = x * 3
address = id(f)
del f
g = x * 5
print("  the new float reuses the freed float:", id(g) == address)

print("5. So do lists")
items = [1, 2, 3]
address = id(items)
del items
other = [4, 5]
print("  the new list reuses the freed list:", id(other) == address)

print("6. Blocks of a different size class come from different pools")
small = (1,)
big = tuple(range(40))
print("  the two tuples are in different blocks:", id(small) != id(big))

print("7. Allocation churn does not grow memory: the same blocks cycle")
start = sys.getallocatedblocks()
for repeat in range(200):
    temp = [Point(i, -i) for i in range(20)]
    del temp
print("  blocks in use unchanged after 200 rounds:", abs(sys.getallocatedblocks() - start) < 50)
print("done")
