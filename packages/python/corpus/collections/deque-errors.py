# deque errors: empty pops, bad indexes, missing values, mutation during iteration
from collections import deque
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as error:
        print(label, type(error).__name__ + ':', error)
d = deque([1, 2, 3])
attempt('pop empty', lambda: deque().pop())
attempt('popleft empty', lambda: deque().popleft())
attempt('index 5', lambda: d[5])
attempt('index -4', lambda: d[-4])
attempt('float index', lambda: d[1.5])
attempt('remove missing', lambda: d.remove(9))
attempt('index missing', lambda: d.index(9))
attempt('hash', lambda: hash(d))
attempt('add list', lambda: d + [4])
def mutate():
    for item in d:
        d.append(item)
attempt('mutate', mutate)
print(d)
