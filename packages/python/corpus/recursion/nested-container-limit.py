# Built-ins that recurse into nested containers stop with CPython's RecursionError messages
# ("while getting the repr of an object", "in comparison"), and a try block in every level
# of a Python recursion still reaches CPython's limit.
def nested(depth):
    x = 0
    for _ in range(depth):
        x = [x]
    return x

def nested_dict(depth):
    d = {}
    for _ in range(depth):
        d = {1: d}
    return d

print(len(repr(nested(1000))))
for build, what in ((nested, "list"), (nested_dict, "dict")):
    try:
        repr(build(20000))
    except RecursionError as e:
        print(what, "repr:", e)
try:
    nested(20000) == nested(20000)
except RecursionError as e:
    print("==:", e)
print(nested(500) == nested(500), nested(500) == nested(501))

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

print(depth(0) > 990)
