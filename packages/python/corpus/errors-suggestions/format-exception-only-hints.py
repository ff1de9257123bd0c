# format_exception_only has no traceback: no NameError suggestion, but attribute and import hints stay.
import traceback
def only(f):
    try:
        f()
    except Exception as e:
        print(traceback.format_exception_only(e)[-1], end="")
only(lambda: lenn([]))
only(lambda: math.sqrt(2))
only(lambda: [].apend(1))
only(lambda: exec("from sys import argvv"))
only(lambda: json)
e = NameError("custom", name="prnt")
print(traceback.format_exception_only(e)[-1], end="")
e = AttributeError("custom", name="apend", obj=[])
print(traceback.format_exception_only(e)[-1], end="")
e = AttributeError("custom", name="upper")
print(traceback.format_exception_only(e)[-1], end="")
e = NameError("custom", name="sys")
print(traceback.format_exception_only(e)[-1], end="")
