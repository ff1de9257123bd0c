# format_exception_only: qualified names, notes, empty messages and the (type, value) form
import traceback

class Outer:
    class Inner(Exception):
        pass

print(traceback.format_exception_only(ValueError("bad value")))
print(traceback.format_exception_only(ValueError()))
print(traceback.format_exception_only(KeyError("k")))
print(traceback.format_exception_only(Outer.Inner("nested")))
error = TypeError("with notes")
error.add_note("first note")
error.add_note("second\nnote")
print(traceback.format_exception_only(error))
print(traceback.format_exception_only(type(error), error))
print(traceback.format_exception_only(None))
print(traceback.format_exc())
