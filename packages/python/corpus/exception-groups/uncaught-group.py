# an uncaught group ends the program (CPython prints the boxed traceback on stderr)
def check(value):
    if value < 0:
        raise ValueError(f"negative: {value}")
    if value == 0:
        raise ZeroDivisionError("zero")
    return 1 / value

errors = []
for value in [2, -1, 0, 4]:
    try:
        print(check(value))
    except Exception as e:
        errors.append(e)
print(len(errors), "errors")
raise ExceptionGroup("validation failed", errors)
