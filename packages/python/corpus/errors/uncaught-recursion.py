# Runaway recursion, uncaught: RecursionError ends the program with exit status 1.
def depth(n):
    return depth(n + 1) + 1


print("recursing")
depth(0)
