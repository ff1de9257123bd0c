# a failing callback is reported on stderr; the remaining callbacks still run
import atexit
def first():
    print('first registered, runs last')
def broken():
    raise ValueError('callback failed')
def last():
    print('last registered, runs first')
atexit.register(first)
atexit.register(broken)
atexit.register(last)
print('done')
