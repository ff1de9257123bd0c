# Generator pipelines: send(), yield from with return values, generator expressions, closing with finally.
def averager():
    total, count, average = 0, 0, None
    while True:
        value = yield average
        if value is None:
            return count, average
        total += value
        count += 1
        average = total / count


def delegate(results):
    while True:
        results.append((yield from averager()))


def chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


def resource(name, log):
    log.append(f"open {name}")
    try:
        yield from range(3)
    finally:
        log.append(f"close {name}")


avg = averager()
next(avg)
print([avg.send(v) for v in (10, 20, 60)])
results = []
group = delegate(results)
next(group)
for v in (1, 2, 3):
    group.send(v)
group.send(None)
print(results)
print(list(chunks("abcdefg", 3)), sum(x * x for x in range(10) if x % 3))
log = []
r = resource("db", log)
print(next(r), next(r))
r.close()
print(log)
