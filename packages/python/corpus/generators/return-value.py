# A generator's return value travels in StopIteration.value (and e.args).
def gen():
    yield 1
    return "result"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.args, e.value)
try:
    next(g)
except StopIteration as e:
    print("again", e.args)


def no_value():
    yield 1
    return


g = no_value()
next(g)
try:
    next(g)
except StopIteration as e:
    print("bare", e.args, e.value)


def delegator():
    got = yield from gen()
    print("got", got)
    return got * 2


print(list(delegator()))
d = delegator()
next(d)
try:
    next(d)
except StopIteration as e:
    print("outer", e.value)
