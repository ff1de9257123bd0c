# Yields inside for/while/if with break, continue, else and return: iterators dropped in CPython's order.
class Items:
    def __init__(self, name, n): self.name, self.n = name, n
    def __iter__(self): return self
    def __next__(self):
        self.n -= 1
        if self.n < 0: raise StopIteration
        return self.n
    def __del__(self): print("drop", self.name)

def walk(limit):
    for i in Items("outer", 4):
        if i == 2:
            continue
        for j in Items("inner", 3):
            got = yield (i, j)
            if got == "skip": break
            if isinstance(got, Items):
                try:
                    return "stopped"
                finally:
                    print("finally")
        else:
            yield "inner done"
    else:
        n = 0
        while n < limit:
            n += 1
            if n == 2: continue
            x = yield n
            print("sent", x)
        else:
            yield "while done"

print(list(walk(3))); g = walk(2)
print(next(g), g.send("skip"), g.send(None), g.send("skip"), g.send(None))
print(g.send("skip"), next(g), next(g, "end"))
g = walk(1)
print(next(g), next(g))
g.send(Items("sent", 0))  # the return ends it: StopIteration("stopped")
