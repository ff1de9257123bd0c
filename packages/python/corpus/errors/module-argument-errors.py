# Argument errors of the gc, sys and weakref functions (and gc.get_objects(-1), which is allowed).
import gc
import sys
import weakref


def attempt(number):
    if number == 0:
        gc.set_threshold()
    elif number == 1:
        gc.is_tracked()
    elif number == 2:
        gc.set_debug("x")
    elif number == 3:
        gc.collect("x")
    elif number == 4:
        weakref.ref()
    elif number == 5:
        sys.getrefcount()
    elif number == 6:
        return len(gc.get_objects(-1)) > 0
    elif number == 7:
        sys.getsizeof()
    elif number == 8:
        weakref.getweakrefcount()
    elif number == 9:
        gc.set_threshold(1, 2, 3, 4)
    return "no error"


for number in range(10):
    try:
        print(number, attempt(number))
    except (TypeError, ValueError) as e:
        print(number, type(e).__name__, e)
