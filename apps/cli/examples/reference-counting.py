# Reference counting: every object counts the references to it, and dies the
# moment that count reaches zero -- not "later", but inside the statement that
# dropped the last reference. Run with:  pymem run reference-counting.py
import sys


class Resource:
    def __init__(self, name):
        self.name = name
        print("  acquire", name)

    def __del__(self):
        # __del__ runs when the count reaches zero (CPython: tp_finalize).
        print("  release", self.name)


print("1. A new object held by one name")
r = Resource("r")
# getrefcount reports one more than the names holding r: its own argument
# is a reference too while the call runs.
print("  sys.getrefcount(r) =", sys.getrefcount(r))

print("2. More references raise the count")
alias = r
holder = [r, r]
print("  after alias and a list holding it twice:", sys.getrefcount(r))

print("3. Dropping references lowers it again")
del alias
holder.clear()
print("  after del alias and holder.clear():", sys.getrefcount(r))

print("4. The last reference goes: __del__ runs at once")
del r
print("  (the line after 'del r')")

print("5. A temporary dies at the end of its expression")
Resource("temporary").name
print("  (the statement after the expression)")

print("6. Rebinding a name releases the old object")
x = Resource("first")
x = Resource("second")
print("  x is now", x.name)

print("7. A dying list releases its items, last item first (CPython: list_dealloc)")
box = [Resource("a"), Resource("b")]
del box

print("8. Locals die when their function returns")


def work():
    local = Resource("local")
    print("  working with", local.name)


work()
print("  back in the caller")

print("9. Assigning None drops the reference the name held")
x = None
print("done")
