# Class patterns that fail with CPython's TypeErrors, mapping **rest, keyword sub-patterns, match-self built-ins.
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Q:
    __match_args__ = ["x"]
class R:
    __match_args__ = (1,)
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
def a():
    match P(1, 2):
        case P(1, 2, 3): return 1
def b():
    match Q():
        case Q(1): return 1
def c():
    match R():
        case R(1): return 1
def d():
    match 5:
        case int(1, 2): return 1
def e():
    match {"a": 1}:
        case {"a": 1, **rest}: return rest
def g():
    x = 3
    match P(1, 2):
        case P(1, x=2): return 1
def h():
    match 1:
        case len(): return 1
def i():
    match 3:
        case P(): return 1
        case int(3): return "int self"
def j():
    match P(1, 2):
        case P(z=1): return 1
        case P(x=1, y=yy): return yy
for fn in (a, b, c, d, e, g, h, i, j): t(fn)
