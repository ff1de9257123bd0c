# OSError's errno, strerror and filename; OSError(errno, ...) picks the errno's subclass.
e = OSError(2, "No such file or directory", "x.txt")
print(type(e).__name__, e.args, e, e.errno, e.strerror, e.filename, e.filename2)
print(OSError(1, 2, 3, 4, 5), OSError(1, 2, 3, 4, 5).args, OSError("a").errno, OSError(1, "b"))
print(repr(OSError(2, "x")), type(OSError(13, "P")).__name__, type(OSError(999, "?")).__name__)
print(FileNotFoundError("m").strerror, FileNotFoundError(2, "No such", "x.txt"))
class E(OSError):
    pass
print(type(E(2, "x")).__name__, E(2, "x", "y"))
print(OSError(2, "x", None, None, "g"), OSError(2, "x", "f", None, "g"))
try:
    raise PermissionError(13, "Permission denied", "/root")
except OSError as err:
    print(err.errno, err, isinstance(err, PermissionError))
try:
    raise OSError(17, "File exists", "d")
except FileExistsError as err:
    print("caught", type(err).__name__, err.filename)
