# Replacing showwarning or formatwarning changes how warnings are shown.
import sys
import warnings


class StripFolder:
    """sys.stderr for the corpus: CPython names the script by its absolute path."""

    def write(self, text):
        head, found, tail = text.partition(".py:")
        sys.stdout.write(head.rsplit("/", 1)[-1] + found + tail)

    def flush(self):
        pass


sys.stderr = StripFolder()
print(repr(warnings.formatwarning("msg", UserWarning, "f.py", 3)))
print(repr(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  the line  ")))
warnings.showwarning("shown directly", RuntimeWarning, "g.py", 7)
warnings.showwarning("with a line", RuntimeWarning, "g.py", 7, line="x = 1")


def my_format(message, category, filename, lineno, line=None):
    return "[%s] %s (line %d)\n" % (category.__name__, message, lineno)


warnings.formatwarning = my_format
warnings.warn("custom format")


def my_show(message, category, filename, lineno, file=None, line=None):
    print("SHOW", repr(message), category.__name__, lineno, file, line)


warnings.showwarning = my_show
warnings.warn("custom show")
warnings.showwarning = 42
try:
    warnings.warn("not callable")
except TypeError as error:
    print(error)
