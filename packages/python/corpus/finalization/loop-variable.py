# A for-loop variable keeps its last value; each rebinding releases the previous item.
class Step:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("step", self.n, "finalized")


def steps():
    return [Step(0), Step(1), Step(2)]


for s in steps():
    print("visit", s.n)
print("loop finished, s is", s.n)
del s
print("end")
