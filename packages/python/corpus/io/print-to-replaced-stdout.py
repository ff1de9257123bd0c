# print() writes to sys.stdout when a program replaces it (and to the real stdout again after)
import contextlib
import io
import sys

buffer = io.StringIO()
sys.stdout = buffer
print("captured", 1, 2, sep="-")
print("second line", file=None)
sys.stdout = sys.__stdout__
print("back:", repr(buffer.getvalue()))

with contextlib.redirect_stdout(io.StringIO()) as inner:
    print("inside redirect_stdout")
print("after:", repr(inner.getvalue()))


class Upper:
    def write(self, text):
        sys.__stdout__.write(text.upper())


sys.stdout = Upper()
print("shouted", end="!\n")
sys.stdout = sys.__stdout__
print(sys.stdout is sys.__stdout__)
