# tb_frame: the traceback holds each frame, and through it the locals, until it is dropped
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def fail():
    obj = Noisy("local of fail")
    raise ValueError("boom")

try:
    fail()
except ValueError as error:
    saved = error
tb = saved.__traceback__
print(tb.tb_frame is sys._getframe(), tb.tb_lineno)
inner = tb.tb_next
print(inner.tb_frame.f_code.co_name, inner.tb_lineno, inner.tb_frame.f_lineno)
print(inner.tb_frame.f_locals["obj"].name, inner.tb_next)
print(inner.tb_frame.f_back is tb.tb_frame, tb.tb_lasti % 2, inner.tb_lasti == inner.tb_frame.f_lasti)
del tb, inner
print("dropping the exception")
del saved
print("done")
