# ImportError's name/path/msg from keywords and from a failed import; ModuleNotFoundError too
e = ImportError("msg", name="mod", path="/p/mod.py")
print(e.msg, e.name, e.path, e.name_from, e.args, str(e), vars(e))
e2 = ImportError()
print(e2.msg, e2.name, e2.path, e2.args, repr(str(e2)))
e3 = ImportError("a", "b")
print(e3.msg, e3.args, str(e3))
try:
    ImportError("x", bogus=1)
except TypeError as t:
    print(t)
try:
    exec("import no_such_module_here")
except ModuleNotFoundError as m:
    print(type(m).__name__, m.name, m.path, m.msg, str(m))
class MyImportError(ImportError):
    def __init__(self, text):
        super().__init__(text, name="custom")
x = MyImportError("boom")
print(x.name, x.msg, x.args)
print(ModuleNotFoundError("q", name="n").name)
e.name = "changed"
print(e.name)
