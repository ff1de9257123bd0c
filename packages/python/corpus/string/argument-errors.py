# capwords with wrong arguments: CPython's errors
import string
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("no arguments", lambda: string.capwords())
attempt("int text", lambda: string.capwords(5))
attempt("int sep", lambda: string.capwords("a b", 5))
attempt("empty sep", lambda: string.capwords("a b", ""))
attempt("three arguments", lambda: string.capwords("a", " ", 1))
attempt("unknown keyword", lambda: string.capwords("a", seperator=" "))
