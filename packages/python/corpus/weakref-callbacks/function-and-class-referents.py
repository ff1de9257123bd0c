# Functions and classes can be weakly referenced; a class dies only when gc frees its cycles.
import gc
import weakref

gc.disable()
gc.collect()


def helper():
    return 1


def announce(ref):
    print("referent died")


function_ref = weakref.ref(helper, announce)
del helper
print("function dead:", function_ref() is None)


class Temporary:
    pass


class_ref = weakref.ref(Temporary, announce)
del Temporary
print("class alive before collect:", class_ref() is not None)
gc.collect()
print("class dead after collect:", class_ref() is None)
