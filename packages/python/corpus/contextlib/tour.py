# A tour: @contextmanager, suppress, closing, nullcontext, ExitStack callbacks, error messages.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack
@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")
with tag("a") as t:
    print(t)
try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")
with swallow():
    {}["x"]
print("after")
with suppress(ZeroDivisionError, KeyError):
    1/0
class R:
    def close(self): print("closed")
with closing(R()) as r: print(type(r).__name__)
with nullcontext(5) as n: print(n)
with ExitStack() as st:
    for i in range(3):
        st.callback(print, "cb", i)
    st.enter_context(tag("x"))
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
try:
    ExitStack().enter_context(5)
except TypeError as e: print(e)
@tag("deco")
def f(): print("in f")
f(); f()
