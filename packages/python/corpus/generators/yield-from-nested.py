# Resuming `yield from` nested three deep: sends, returns, a raise caught a level up, state seen inside.
import gc, sys

def leaf(n):
    got = yield n
    names = [sys._getframe(i).f_code.co_name for i in range(4)]
    print("leaf got", got, names, top.gi_running, top.gi_yieldfrom, mid_gen.gi_yieldfrom)
    if got == "boom":
        raise KeyError(got)
    return got * 2

def middle(log):
    try:
        r = yield from leaf(1)
        log.append(("middle r", r))
        r = yield from leaf(2)
    except KeyError as e:
        log.append(("caught", e.args))
        r = yield "recovered"
    return r

def outer(log):
    global mid_gen
    mid_gen = middle(log)
    result = yield from mid_gen
    log.append(("outer", result, sys.getrefcount(mid_gen)))
    yield "end"

log = []
top = outer(log)
print(next(top), top.gi_yieldfrom is mid_gen, mid_gen.gi_yieldfrom.__name__)
print(top.send("a"), top.send("boom"), top.send("x"), log)
print(next(top, "done"), log, mid_gen.gi_frame, gc.collect())
top2 = outer(log)
print(next(top2), top2.close(), mid_gen.gi_frame is None, log[-1])
top3 = outer(log)
try:
    next(top3), top3.throw(ValueError("v"))
except ValueError as e:
    print("thrown through", e, top3.gi_frame, mid_gen.gi_running)
