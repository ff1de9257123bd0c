# __context__, __cause__, __suppress_context__ set by raise/raise from, notes, with_traceback, and what chains keep alive.
import gc
try:
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during")
except RuntimeError as r:
    print(repr(r.__context__), r.__cause__, r.__suppress_context__, r.__traceback__ is not None)
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise ValueError("outer") from None
except ValueError as v:
    print(v.__cause__, repr(v.__context__), v.__suppress_context__)
e = ValueError("x")
e.add_note("note 1")
e.add_note("note 2")
print(e.__notes__, e.__context__, e.__cause__)
print(e.with_traceback(None) is e)
try:
    raise KeyError("a") from ValueError
except KeyError as k:
    print(repr(k.__cause__))
try:
    raise KeyError("a") from 5
except TypeError as t:
    print(t)
def f():
    try:
        raise ValueError("in f")
    except ValueError as err:
        return err
err = f()
print(gc.is_tracked(err), err.__traceback__.tb_lineno, err.__context__)
class Boom(Exception):
    pass
try:
    try:
        raise Boom("first")
    except Boom as b:
        b2 = b
        raise Boom("second")
except Boom as c:
    print(c.__context__ is b2, c.__context__.__context__)
gc.collect()
try:
    try:
        raise ValueError(1)
    except ValueError as a:
        raise TypeError(2) from a
except TypeError as t:
    x = t
del t
print(gc.collect() >= 0, x.__cause__.args)
raise RuntimeError("final") from ValueError("cause")
