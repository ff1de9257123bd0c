# try/except/else/finally flow, and an exception raised inside an except block.
def attempt(value):
    try:
        result = 10 // value
    except ZeroDivisionError:
        print("zero")
        return -1
    else:
        print("else ran")
        return result
    finally:
        print("finally for", value)


print(attempt(5))
print(attempt(0))
try:
    try:
        [][1]
    except IndexError:
        {}["missing"]
except KeyError as e:
    print("second error:", type(e).__name__, e)
