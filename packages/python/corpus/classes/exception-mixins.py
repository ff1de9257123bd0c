# exception classes can mix in plain classes; the exception layout is the one that is kept
class Describe:
    def describe(self):
        return type(self).__name__ + ": " + str(self)
class AppError(Describe, ValueError):
    pass
class Retry(AppError, LookupError):
    pass
try:
    raise Retry("again")
except LookupError as e:
    print(e.describe(), e.args)
print([k.__name__ for k in Retry.__mro__])
print(issubclass(Retry, Exception), isinstance(Retry("x"), Describe))
raise AppError("fatal")
