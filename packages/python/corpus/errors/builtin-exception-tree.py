# The built-in exception classes real programs name, with CPython's bases and aliases.
classes = [TimeoutError, FileNotFoundError, PermissionError, ConnectionResetError,
           StopAsyncIteration, SyntaxError, IndentationError, TabError,
           UserWarning, DeprecationWarning, RuntimeWarning, ResourceWarning,
           FloatingPointError, BufferError, SystemError, PythonFinalizationError]
for cls in classes:
    print(cls.__name__, [base.__name__ for base in cls.__mro__[1:]])
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise FileNotFoundError("missing.txt")
except OSError as error:
    print(type(error).__name__, error)
try:
    raise TimeoutError
except Exception as error:
    print(repr(error))
