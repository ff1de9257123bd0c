# yield in every expression position: assignments, calls, operators, conditions, containers.
def forms():
    x = yield "plain"
    print("x", x)
    print("call", (yield "in call"), "after")
    total = 1
    total += yield "augmented"
    print("total", total)
    items = [(yield "first"), (yield "second")]
    print("items", items)
    if (yield "test"):
        print("true branch")
    value = (yield "left") + (yield "right")
    print("sum", value)
    both = (yield "a") and (yield "b")
    print("both", both)
    text = f"<{(yield 'f-string')}>"
    print(text)
    pair = {"k": (yield "dict value")}
    print(pair)
    return (yield "return value")


g = forms()
replies = [None, 1, "call-arg", 41, "i1", "i2", 1, 20, 22, 0, "F", "V", "R"]
out = []
try:
    for reply in replies:
        out.append(g.send(reply))
except StopIteration as e:
    print("returned", e.value)
print(out)


def bare():
    yield
    result = yield
    print("result", result)


b = bare()
print(next(b), next(b))
try:
    b.send("sent")
except StopIteration:
    print("stop")


def loops():
    n = 0
    while (yield n) != "stop":
        n += 1
    for ch in (yield "give me a string"):
        yield ch.upper()


lp = loops()
print(next(lp), lp.send("go"), lp.send("go"), lp.send("stop"), lp.send("hi"), next(lp))
