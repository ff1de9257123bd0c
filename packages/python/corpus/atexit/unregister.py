# unregister removes every registration of a function; _clear removes all
import atexit
def a():
    print('a runs')
def b():
    print('b runs')
atexit.register(a)
atexit.register(b)
atexit.register(a)
atexit.unregister(a)
print(atexit._ncallbacks())
atexit.unregister(print)
def c():
    print('c never runs')
atexit.register(c)
atexit._clear()
atexit.register(b)
print(atexit._ncallbacks())
try:
    atexit.register(42)
except TypeError as error:
    print('TypeError:', error)
