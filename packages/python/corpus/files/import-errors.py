# Importing files that fail: errors in module code, syntax errors, missing names and modules,
# circular imports, and a file shadowing a standard-library module.
import os
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


sys.path.insert(0, os.getcwd())

write("boom.py", "X = 1\nraise ValueError('boom at import')\n")
for attempt in range(2):
    try:
        import boom
    except ValueError as e:
        print("ValueError:", e, "boom" in sys.modules)

write("broken.py", "x = (1,\ny = 2\n")
try:
    import broken
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), os.path.basename(e.filename))

write("scope.py", "return 5\n")
try:
    import scope
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))

write("plain.py", "VALUE = 1\n")
try:
    from plain import missing
except ImportError as e:
    print(str(e).split(" (")[0], e.name, e.name_from, os.path.basename(e.path))
try:
    import plain.sub
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    __import__("nowhere_to_be_found")
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from . import plain
except ImportError as e:
    print(e)

write("ping.py", "import pong\nPING = 1\ndef ask():\n    return pong.PONG\n")
write("pong.py", "import ping\nPONG = 2\ndef ask():\n    return ping.PING\n")
import ping
print(ping.ask(), sys.modules["pong"].ask())

write("left.py", "from right import RIGHT\nLEFT = 1\n")
write("right.py", "from left import LEFT\nRIGHT = 2\n")
try:
    import left
except ImportError as e:
    print(str(e).split(" (most")[0], "circular" in str(e))
print("left" in sys.modules, "right" in sys.modules)

write("random.py", "print('the local random')\ndef randint(a, b):\n    return a\n")
import random
print(random.randint(3, 9), os.path.basename(random.__file__))

write("pkg_no_init/inner.py", "WHERE = 'namespace'\n")
import pkg_no_init.inner
print(pkg_no_init.inner.WHERE, pkg_no_init.__file__, type(pkg_no_init.__path__).__name__ != "", repr(pkg_no_init).split(" from ")[0])
