# print_stack / format_stack / extract_stack: the running frames, outermost first, no carets
import io
import traceback

def show(text):
    for line in text.splitlines():
        if line.startswith("  File \""):
            path = line.split("\"")[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        print(line)

def show_stack():
    buffer = io.StringIO()
    traceback.print_stack(file=buffer)
    show(buffer.getvalue())
    print([frame.name for frame in traceback.extract_stack()])
    show(traceback.format_stack()[-1])
    print(len(traceback.extract_stack(limit=2)))

def caller():
    show_stack()

caller()
