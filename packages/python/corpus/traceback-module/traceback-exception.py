# TracebackException: stack, exc_type_str, chained causes, format and format_exception_only
import traceback

def show(text):
    for line in text.splitlines():
        if line.startswith("  File \""):
            path = line.split("\"")[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        print(line)

def parse(text):
    try:
        return int(text)
    except ValueError as error:
        raise TypeError("not a number: " + text) from error

try:
    parse("abc")
except TypeError as error:
    te = traceback.TracebackException.from_exception(error)
print(te.exc_type_str, str(te), len(te.stack))
print(te.__cause__.exc_type_str, te.__cause__.__cause__, te.__suppress_context__)
print(list(te.format_exception_only()))
show("".join(te.format()))
print([frame.name for frame in te.stack])
