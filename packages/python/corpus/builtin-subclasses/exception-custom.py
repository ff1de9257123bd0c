# exception subclasses with their own __init__, __str__ and extra attributes
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError, LookupError):
    pass
try:
    raise NotFound(404, "no such page")
except LookupError as error:
    print(type(error).__name__, error, repr(error), error.args, error.code)
    print(isinstance(error, AppError), isinstance(error, Exception), NotFound.__mro__)
class Plain(ValueError):
    pass
try:
    raise Plain("bad", 2)
except ValueError as error:
    print(error, repr(error), error.args)
class NoArgs(Exception):
    def __init__(self):
        pass
print(repr(NoArgs()), str(NoArgs()), NoArgs().args)
