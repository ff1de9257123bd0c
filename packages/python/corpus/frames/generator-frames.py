# gi_frame: the generator's frame while it can run, None once it finished; gi_code stays
import sys

def gen(n):
    total = 0
    yield sys._getframe()
    total += n
    yield total

g = gen(5)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals, g.gi_code.co_name)
frame = next(g)
print(frame is g.gi_frame, frame.f_back, frame.f_lineno)
try:
    frame.clear()
except RuntimeError as error:
    print("RuntimeError:", error)
print(next(g), frame.f_locals)
print(list(g), g.gi_frame, g.gi_code.co_name)
print(frame.f_lineno, frame.f_locals, frame.f_back.f_code.co_name)
