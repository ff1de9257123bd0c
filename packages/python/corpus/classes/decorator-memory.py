# a decorator's wrapper closure keeps the original function alive; dropping the name frees both
import gc
import sys
import weakref
def logged(fn):
    def wrapper(*args):
        return fn(*args)
    return wrapper
def original(x):
    return x * 2
ref = weakref.ref(original)
before = sys.getrefcount(original)
decorated = logged(original)
print(sys.getrefcount(original) - before, decorated(21))
del original
print(ref() is not None, gc.is_tracked(decorated))
del decorated
print(ref() is None)
class Holder:
    @property
    def value(self):
        return 1
p = Holder.__dict__["value"]
print(gc.is_tracked(p), sys.getrefcount(p) > 1)
