# send() resumes a generator with a value: the running-average coroutine.
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
print(next(avg))
print(avg.send(10))
print(avg.send(30))
print(avg.send(5))


def echo():
    received = yield "ready"
    while True:
        received = yield f"echo {received}"


e = echo()
print(e.send(None))
print(e.send("a"))
print(next(e))
print(e.send([1, 2]))
