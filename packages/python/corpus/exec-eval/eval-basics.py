# eval on expressions: caller's namespaces, given globals and locals, errors
def scale(value):
    factor = 3
    return eval("value * factor")


print(eval("1 + 2 * 3"), eval("  [i * i for i in range(5)]  "))
print(scale(7))
print(eval("a + b", {"a": 1, "b": 2}), eval("a", {"a": 1}, {"a": 5}))
print(eval("len(s)", {"s": "four"}))
namespace = {}
eval("0", namespace)
print(sorted(namespace))
for bad in ("1 +", "x = 1", "undefined_name"):
    try:
        eval(bad)
    except (SyntaxError, NameError) as error:
        print(type(error).__name__)
try:
    eval(42)
except TypeError as error:
    print(error)
try:
    eval("1", [])
except TypeError as error:
    print(error)
