# f_globals, f_builtins, f_trace (kept, settable) and f_lasti of frames
import sys

def f():
    return sys._getframe()

frame = f()
print(frame.f_globals is globals(), frame.f_builtins is __builtins__.__dict__)
print(frame.f_builtins["len"]("abc"), frame.f_trace)
frame.f_trace = print
print(frame.f_trace is print)
frame.f_trace = None
print(frame.f_trace, frame.f_lasti >= 0, frame.f_lasti % 2)
print(frame.f_trace_lines, frame.f_trace_opcodes)
