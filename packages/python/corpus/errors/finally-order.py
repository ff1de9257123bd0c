# finally blocks run on normal exit, on return and on exceptions, innermost first.
def attempt(kind):
    try:
        try:
            if kind == "raise":
                raise ValueError("bad")
            if kind == "return":
                return "returned"
            print("normal path")
        finally:
            print("inner finally", kind)
    finally:
        print("outer finally", kind)
    return "fell through"


print(attempt("normal"))
print(attempt("return"))
try:
    attempt("raise")
except ValueError as e:
    print("caught", e)
