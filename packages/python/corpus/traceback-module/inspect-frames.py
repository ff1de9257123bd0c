# inspect: currentframe, stack, getframeinfo (context lines, positions) and predicates
import inspect
import sys

def where():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print(frame is sys._getframe(), info.lineno, info.function, info.code_context, info.index)
    print(info.positions)
    records = inspect.stack()
    print([(r.function, r.lineno, r.code_context) for r in records])
    print(records[1].frame is frame.f_back, records[0][3], len(records[0]))

def gen():
    yield 1

async def coro():
    pass

where()
for obj in (where, gen, coro, gen(), len, sys, 1, where.__code__, sys._getframe()):
    print(inspect.isfunction(obj), inspect.isgeneratorfunction(obj), inspect.iscoroutinefunction(obj),
          inspect.isgenerator(obj), inspect.isbuiltin(obj), inspect.ismodule(obj),
          inspect.iscode(obj), inspect.isframe(obj), inspect.isroutine(obj))
try:
    1 / 0
except ZeroDivisionError as error:
    print(inspect.getframeinfo(error.__traceback__).positions)
    print([(r.function, r.lineno) for r in inspect.trace()])
