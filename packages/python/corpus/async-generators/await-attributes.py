# What a suspended generator awaits or delegates to: ag_await, cr_await, gi_yieldfrom.
class Pause:
    def __await__(self):
        yield "p"
class It:
    def __iter__(self): return self
    def __next__(self): return 1
async def ag():
    await Pause()
    yield 1
def g():
    yield from It()
async def c():
    await Pause()
a = ag()
print(a.ag_await)
s = a.__anext__()
print(s.send(None), type(a.ag_await).__name__)
gg = g(); next(gg); print(type(gg.gi_yieldfrom).__name__)
co = c(); print(co.cr_await); co.send(None); print(type(co.cr_await).__name__); co.close(); print(co.cr_await)
try: s.send(None)
except StopIteration as e: print("item", e.value, a.ag_await)
