# An exception in __del__ is reported on stderr and ignored; the program continues.
class Faulty:
    def __del__(self):
        print("in __del__")
        raise RuntimeError("cleanup failed")


f = Faulty()
del f
print("still running")
x = 1 / 1
print("x =", x)
