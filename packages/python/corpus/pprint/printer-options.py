# PrettyPrinter's options: stream, underscore_numbers, and the argument errors.
import pprint
import sys

printer = pprint.PrettyPrinter(indent=2, width=30, stream=sys.stdout)
printer.pprint({"numbers": list(range(12)), "name": "x"})
print(repr(printer.pformat([1, 2])))
pprint.pprint([10**12, -5000, 3.5], underscore_numbers=True)
pprint.pprint({"big": 123456789}, underscore_numbers=True, width=10)
for options in [{"indent": -1}, {"depth": 0}, {"depth": -3}, {"width": 0}]:
    try:
        pprint.PrettyPrinter(**options)
    except ValueError as error:
        print(type(error).__name__, error)
print(pprint.pformat(((1,), (), [], {}, set(), frozenset())))
print(pprint.pformat([{3, 1, 2}, frozenset(range(12))], width=25))
print(pprint.__all__)


class Tagged(list):
    pass


pprint.pprint(Tagged(range(25)), width=30)
