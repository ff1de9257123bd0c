# ExitStack unwinds last-in first-out; pop_all() moves the callbacks; push() and callback() return their argument.
from contextlib import ExitStack, contextmanager

log = []

@contextmanager
def resource(name):
    log.append("open " + name)
    try:
        yield name
    finally:
        log.append("close " + name)

with ExitStack() as stack:
    names = [stack.enter_context(resource(n)) for n in ["a", "b", "c"]]
    stack.callback(log.append, "callback")
    print(names)
print(log)

log.clear()
stack = ExitStack()
stack.enter_context(resource("x"))
moved = stack.pop_all()
stack.close()
print("after closing the emptied stack:", log)
moved.close()
print("after closing the moved stack:", log)

def exit_fn(exc_type, exc, tb):
    print("exit_fn saw", exc_type.__name__ if exc_type else None)
    return False

with ExitStack() as stack:
    result = stack.push(exit_fn)
    print(result is exit_fn)

class Manager:
    def __enter__(self):
        print("Manager enter")
        return self
    def __exit__(self, *exc):
        print("Manager exit", exc[0])
        return False

with ExitStack() as stack:
    m = Manager()
    stack.push(m)
    print("pushed without entering")

cb = ExitStack().callback(print, "never called")
print(cb is print)
