# input() with sys.stdin / sys.stdout replaced: the prompt goes to sys.stdout, the line comes from
# sys.stdin.readline(); EOFError at its end; the original streams stay sys.__stdin__/__stdout__.
import io
import sys

sys.stdin = io.StringIO("first line\nsecond\nlast without break")
captured = io.StringIO()
sys.stdout = captured
a = input("prompt> ")
b = input()
c = input(42)
sys.stdout = sys.__stdout__
print(repr(a), repr(b), repr(c))
print(repr(captured.getvalue()))
try:
    input("again? ")
except EOFError as e:
    print("EOFError:", e)


class Lines:
    def __init__(self, lines):
        self.lines = list(lines)

    def readline(self):
        return self.lines.pop(0) if self.lines else ""


sys.stdin = Lines(["from a custom object\n"])
print(repr(input()))
sys.stdin = Lines([b"bytes\n", 3])
print(repr(input()))
try:
    input()
except TypeError as e:
    print("TypeError:", e)
sys.stdin = sys.__stdin__
print(sys.stdin is sys.__stdin__, repr(sys.__stdin__), sys.stdin.name, sys.stdin.fileno())
