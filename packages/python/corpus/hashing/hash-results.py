# hash() of instances uses __hash__'s int; -1 becomes -2; a non-int result is a TypeError.
class H:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return self.value


print(hash(H(5)), hash(H(-1)), hash(H(0)), hash(H(True)))
try:
    hash(H("x"))
except TypeError as e:
    print("TypeError", e)
print({H(3): 1}.get(H(3)))
