# os and os.path without a file system: path arithmetic, environ, getcwd.
import os, os.path, posixpath
print(os.path is posixpath, os.name, os.sep, repr(os.linesep), os.curdir, os.pardir)
for p in ["a/b/c.txt", "/a/b/", "a", "", ".bashrc", "a.tar.gz", "//x/y", "/", "a/../b/./c//d"]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p), os.path.normpath(p))
print(os.path.join("a", "b", "/c", "d"), os.path.join("a/", "b"), os.path.join("", "x"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.splitroot("//a/b"), os.path.splitroot("///a"))
print(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]), os.path.commonpath(["/usr/lib", "/usr/local/x"]))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.relpath("/a", "/a"))
os.environ["PYMEM_X"] = "42"
print(os.getenv("PYMEM_X"), os.getenv("PYMEM_MISSING", "dflt"), os.environ.get("PYMEM_X"))
print(os.path.expandvars("$PYMEM_X-${PYMEM_X}-$NOPE_X-$"), "PYMEM_X" in os.environ)
os.environ["HOME"] = "/home/ada"
print(os.path.expanduser("~/docs"), os.path.expanduser("~"), os.path.expanduser("x~"))
try:
    os.environ["K"] = 1
except TypeError as e:
    print(e)
try:
    os.path.join("a", 1)
except TypeError as e:
    print(e)
class P:
    def __fspath__(self): return "/p/q"
print(os.fspath(P()), isinstance(P(), os.PathLike), os.path.basename(P()))
print(os.path.abspath("/a/./b/../c"))
