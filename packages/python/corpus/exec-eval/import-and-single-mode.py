# __import__ with its keywords (globals, locals, fromlist, level) and its errors, and
# compile(..., 'single'): one statement (a line of ';'-joined simple statements or one compound
# statement) compiles; none, or more, is CPython's SyntaxError at CPython's place.
module = __import__("os.path", globals=globals(), locals=None, fromlist=["join"], level=0)
print(module.__name__)
print(__import__(name="os", fromlist=()).__name__, __import__("os.path").__name__)
print(__import__("json", None, None, ("dumps",)).__name__)
for args, kwargs in [
    (("os",), {"level": -1}),
    (("",), {}),
    ((5,), {}),
    (("x",), {"bogus": 1}),
    (("json", {}, {}, [], 1), {}),
    (("json", {"__name__": "__main__"}, {}, [], 1), {}),
    (("json", None, None, [], 1), {}),
]:
    try:
        __import__(*args, **kwargs)
    except (ValueError, TypeError, KeyError, ImportError) as error:
        print(type(error).__name__, error)

SOURCES = [
    "x = 1\ny = 2",
    "1\n2\n",
    "a = 1; b = 2",
    "x = 1; y = 2\nz",
    "x = 1  # c\ny",
    "for x in y:\n pass\n",
    "if 1:\n  pass\nx = 1",
    "def f():\n  return 1\ny",
    "x = 1\n\n",
    "x = 1\n# c\n",
    "",
    "\n",
    "\n\n",
    "# c",
    "  \n",
    "1 +",
    "return 5",
]
for source in SOURCES:
    try:
        compile(source, "<s>", "single")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
namespace = {}
exec(compile("total = 1 + 2", "<s>", "single"), namespace)
print(namespace["total"])
