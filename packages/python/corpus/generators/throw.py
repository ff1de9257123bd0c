# throw() raises an exception at the paused yield; the generator may handle it and go on.
def gen():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("handled", e)
            yield "recovered"


g = gen()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
print(g.throw(ValueError))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("generator is finished")


def fresh():
    print("never runs")
    yield 1


f = fresh()
try:
    f.throw(RuntimeError("early"))
except RuntimeError as e:
    print("raised at start", e)
print(list(f))
try:
    gen().throw(1)
except TypeError as e:
    print(e)
