# wrong arguments: CPython's messages from bisect's argument parsing
import bisect
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("missing x", lambda: bisect.bisect_right([1, 2, 3]))
attempt("lo negative", lambda: bisect.bisect_right([1, 2, 3], 2, -1))
attempt("lo float", lambda: bisect.bisect_right([1, 2, 3], 2, 1.5))
attempt("hi too big", lambda: bisect.bisect_right([1, 2, 3], 2, 0, 10))
attempt("not a sequence", lambda: bisect.bisect_right(5, 2))
attempt("unknown keyword", lambda: bisect.bisect_right([1, 2, 3], 2, foo=1))
attempt("five arguments", lambda: bisect.bisect_right([1, 2, 3], 2, 0, 3, 4))
attempt("by name twice", lambda: bisect.bisect_left([1], 1, 0, lo=0))
attempt("incomparable", lambda: bisect.bisect_left([1, "a"], 2))
attempt("insort tuple", lambda: bisect.insort((1, 2), 3))
attempt("no arguments", lambda: bisect.insort())
