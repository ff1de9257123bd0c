# Nested @contextmanager blocks sharing state, and a generator context manager entered twice.
from contextlib import contextmanager

depth = 0

@contextmanager
def indent():
    global depth
    depth += 1
    try:
        yield depth
    finally:
        depth -= 1

def say(text):
    print("  " * depth + text)

say("top")
with indent():
    say("one")
    with indent() as d:
        say("two, depth " + str(d))
        with indent():
            say("three")
    say("back to one")
say("top again")

@contextmanager
def counted(counter):
    counter.append(len(counter))
    yield len(counter)

c = []
for _ in range(3):
    with counted(c) as n:
        print("entered", n)
print(c)

cm = indent()
with cm:
    say("reused?")
try:
    with cm:
        pass
except Exception as e:
    print(type(e).__name__)
