# extract_tb: FrameSummary objects with lines, positions and tuple behaviour; format_list
import traceback

def show(text):
    for line in text.splitlines():
        if line.startswith("  File \""):
            path = line.split("\"")[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        print(line)

def inner(values):
    return values[3]

def outer():
    return inner([1, 2])

try:
    outer()
except IndexError as error:
    saved = error
summary = traceback.extract_tb(saved.__traceback__)
for frame in summary:
    print(frame.name, frame.lineno, repr(frame.line), frame.colno, frame.end_colno, frame.end_lineno)
    name, lineno, function, line = frame
    print(lineno == frame[1], len(frame), function)
print(type(summary).__name__, len(summary))
show("".join(traceback.format_list(summary)))
show("".join(summary.format()))
print(len(traceback.extract_tb(saved.__traceback__, limit=1)))
