# exec runs statements: definitions land in the given globals, output goes to stdout
code = """
def greet(name):
    return "hello " + name

total = 0
for n in range(5):
    total += n
print("inside exec", total)
"""
namespace = {}
print(exec(code, namespace))
print(namespace["greet"]("exec"), namespace["total"], "__builtins__" in namespace)
exec("counter = 41\ncounter += 1")
print(counter)
exec("class Point:\n    'A point.'\n    x = 1\n", namespace)
print(namespace["Point"].x, namespace["Point"].__doc__)
loc = {}
exec("y = 10\nz = y * 2", {}, loc)
print(sorted(loc.items()))
try:
    exec("raise ValueError('from exec')")
except ValueError as error:
    print("caught", error)
try:
    exec("print('ok')", 5)
except TypeError as error:
    print(error)
