# A nested function that refers to itself forms a cycle: function -> closure -> cell -> function.
import gc

gc.disable()


def outer():
    def recursive(n):
        if n == 0:
            return 0
        return n + recursive(n - 1)

    print("sum", recursive(4))
    return 1


outer()
print("closure cycle:", gc.collect())
