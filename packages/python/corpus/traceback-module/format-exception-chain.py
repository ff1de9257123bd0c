# format_exception follows __cause__ and __context__ unless chain=False or suppressed
import traceback

def show(text):
    for line in text.splitlines():
        if line.startswith("  File \""):
            path = line.split("\"")[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        print(line)

class AppError(Exception):
    pass

def load():
    try:
        {}["missing"]
    except KeyError as error:
        raise AppError("could not load") from error

try:
    load()
except AppError as error:
    show("".join(traceback.format_exception(error)))
    print("---")
    show("".join(traceback.format_exception(error, chain=False)))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
except RuntimeError as error:
    print("---")
    show("".join(traceback.format_exception(error)))
