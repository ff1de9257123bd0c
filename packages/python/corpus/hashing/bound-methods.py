# Bound methods compare and hash by (function, self): equal but not identical.
class Counter:
    def tick(self):
        return 1


c = Counter()
d = Counter()
print(c.tick == c.tick, c.tick is c.tick)
print(c.tick == d.tick, c.tick != d.tick)
print(hash(c.tick) == hash(c.tick))
handlers = {c.tick: "c"}
print(handlers[c.tick], d.tick in handlers)
print(len({c.tick, c.tick, d.tick}))
