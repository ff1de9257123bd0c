# An uncaught exception ends the program with exit status 1; earlier output is kept.
def ratio(a, b):
    return a / b


print("start")
print(ratio(6, 3))
print(ratio(1, 0))
print("never printed")
