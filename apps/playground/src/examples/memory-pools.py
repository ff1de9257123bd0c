# Small objects come from pymalloc: arenas carved into pools (256 KiB and 4 KiB
# in the cpython32 profile), each pool serving one block size. Watch the pool
# map grow as objects are made, then pools empty and whole arenas go back
# to the system as they are freed.
points = []
for i in range(20000):
    points.append((i, i * 0.5))
print(len(points), "tuples, each holding an int and a float")
words = [str(i) * 3 for i in range(200)]
print(len(words), "short strings")
del points
print("points freed")
del words
print("words freed")
