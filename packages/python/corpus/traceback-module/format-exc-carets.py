# format_exc: the traceback text with CPython 3.13's caret lines under the failing expression
import traceback

def show(text):
    for line in text.splitlines():
        if line.startswith("  File \""):
            path = line.split("\"")[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        print(line)

def divide(x):
    return 1 / x

def lookup(data):
    return divide(0) + data["a"][5]

try:
    lookup({"a": [1, 2]})
except ZeroDivisionError:
    show(traceback.format_exc())
try:
    [1, 2, 3][10]
except IndexError:
    show(traceback.format_exc())
try:
    int("x")
except ValueError:
    show(traceback.format_exc(limit=0))
