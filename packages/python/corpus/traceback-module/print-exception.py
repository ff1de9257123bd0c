# print_exc and print_exception write to a file; the legacy (type, value, tb) form
import io
import sys
import traceback

def show(text):
    for line in text.splitlines():
        if line.startswith("  File \""):
            path = line.split("\"")[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        print(line)

def fail():
    return {}["key"]

try:
    fail()
except KeyError as error:
    buffer = io.StringIO()
    traceback.print_exc(file=buffer)
    show(buffer.getvalue())
    buffer = io.StringIO()
    traceback.print_exception(type(error), error, error.__traceback__, file=buffer)
    show(buffer.getvalue())
    print(sys.exc_info()[0].__name__, sys.exception() is error)
    show("".join(traceback.format_tb(error.__traceback__)))
print(sys.exception(), sys.exc_info())
