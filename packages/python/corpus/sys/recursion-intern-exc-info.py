# sys: recursion limit, intern, exc_info, getsizeof default, flags and small facts
import sys
print(sys.getrecursionlimit()); sys.setrecursionlimit(500); print(sys.getrecursionlimit())
for bad in [0, -1, 'x']:
    try: sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
a = sys.intern('hello world!'); b = sys.intern(''.join(['hello', ' world!'])); print(a is b)
try: sys.intern(5)
except TypeError as e: print(e)
print(sys.getsizeof(object(), 'default') > 0, sys.getsizeof(5, 1) > 0)
try: raise KeyError('k')
except KeyError: print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]), sys.exception() is sys.exc_info()[1])
print(sys.exc_info(), sys.exception())
print(sys.maxsize == 2**31 - 1 or sys.maxsize == 2**63 - 1, sys.byteorder, type(sys.version_info).__name__ if False else sys.version_info[:2], sys.version_info.major)
print(isinstance(sys.argv, list), sys.platform in ('linux', 'emscripten'))
