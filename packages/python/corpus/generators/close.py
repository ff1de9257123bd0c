# close() raises GeneratorExit at the paused yield: finally blocks run, then it is finished.
def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit inside")
        raise
    finally:
        print("finally runs")


g = gen()
print(next(g))
print(g.close())
print("after close")
print(list(g))
g.close()
print("second close is a no-op")

unstarted = gen()
unstarted.close()
print("closing an unstarted generator runs nothing")
print(list(unstarted))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "cleanup value"


r = returns_on_close()
next(r)
print("close returned", r.close())
