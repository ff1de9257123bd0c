# A closure that captures a list containing the closure itself: list, cell and function cycle.
import gc

gc.disable()
gc.collect()


def make_registry():
    handlers = []

    def handler():
        return len(handlers)

    handlers.append(handler)
    return handlers


registry = make_registry()
print("handlers:", registry[0]())
del registry
print("collected:", gc.collect())
