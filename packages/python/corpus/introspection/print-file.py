# print(file=...) calls file.write once per piece, then flush() when flush=True
import sys
class Recorder:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
    def flush(self):
        print("flush called")
class Loud:
    def __str__(self):
        print("str of Loud")
        return "loud"
r = Recorder()
print("a", 1, [2, 3], sep="-", end="!\n", file=r)
print(r.parts)
r.parts.clear()
print(Loud(), Loud(), file=r, flush=True)
print(r.parts)
print("to stdout", file=None)
print("to sys.stdout", file=sys.stdout)
try:
    print("x", file=42)
except AttributeError as e:
    print("AttributeError:", e)
