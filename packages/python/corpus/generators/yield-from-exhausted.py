# yield from a generator that is already exhausted gives None at once (it once gave a null pointer).
def empty():
    return
    yield
def delegate(it):
    result = yield from it
    yield ('result', result)
it = empty()
print(next(it, 'done'))
print(list(delegate(it)))
def numbers():
    yield 1
    return 'finished'
gen = numbers()
print(list(delegate(gen)), list(delegate(gen)))
def peek(it):
    first = next(it, None)
    if first:
        yield first
    yield from it
print(list(peek(iter(empty()))), list(peek(numbers())))
