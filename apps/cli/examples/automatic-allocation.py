# Automatic allocation and deallocation: Python code never calls malloc or
# free. Every value is an object the runtime allocates when an expression
# needs it and frees when the last reference goes. A weak reference lets us
# watch an object's lifetime without keeping it alive.
# Run with:  pymem run automatic-allocation.py
import weakref


class Box:
    def __init__(self, value):
        self.value = value


def alive(ref):
    # Calling a weak reference returns the object, or None once it is freed.
    return "alive" if ref() is not None else "freed"


print("1. Creating an object allocates it; binding a name keeps it")
box = Box(1)
watch = weakref.ref(box)
print("  box is", alive(watch))

print("2. Dropping the only reference frees it right away")
box = None
print("  box is", alive(watch))

print("3. Each call allocates fresh locals and frees them on return")
seen = []


def make_and_drop():
    inner = Box("inner")
    seen.append(weakref.ref(inner))
    return len(seen)


make_and_drop()
print("  inner after the call is", alive(seen[0]))

print("4. Returning an object hands it to the caller instead of freeing it")


def make():
    return Box("returned")


kept = make()
print("  the caller got", kept.value)

print("5. Weak reference callbacks run when the object is freed")


def on_free(ref):
    print("  callback: the object behind", "a dead ref" if ref() is None else "a live ref", "was freed")


kept_ref = weakref.ref(kept, on_free)
del kept
print("  after del kept")

print("6. An exception releases what the failed code held")


def fail():
    temporary = Box("temporary")
    seen.append(weakref.ref(temporary))
    raise ValueError("boom")


try:
    fail()
except ValueError as error:
    print("  caught", error)
print("  temporary is", alive(seen[-1]))

print("7. Small integers and None are shared, never freed")
a = 7
b = 3 + 4
print("  7 is 3 + 4:", a is b)
print("  None is None:", None is None)

print("8. Containers allocate as they grow and free everything at once")
grid = [[Box(row * 3 + column) for column in range(3)] for row in range(3)]
corner = weakref.ref(grid[2][2])
print("  grid[2][2].value =", grid[2][2].value, "-", alive(corner))
del grid
print("  after del grid the corner box is", alive(corner))
print("done")
