# A running generator cannot be resumed from inside itself.
def gen():
    yield next(me)


me = gen()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def selfish():
    yield from me2


me2 = selfish()
try:
    next(me2)
except ValueError as e:
    print("ValueError:", e)
