# SyntaxError's msg/filename/lineno/offset/text/end_*, args and str, from exec and built by hand
def show(e):
    print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text),
          e.end_lineno, e.end_offset, e.print_file_and_line)
    print(e.args, '|', str(e))
for source in ["x = (1,", "1 +* 2", "if x:\nprint(1)", "def f():\n\tif 1:\n        pass"]:
    try:
        exec(source)
    except SyntaxError as e:
        show(e)
show(SyntaxError("custom", ("f.py", 3, 4, "line text\n", 3, 6)))
show(SyntaxError("just msg"))
show(SyntaxError())
show(IndentationError("ind", ("g.py", 1, 2, "  x", None, None)))
e = SyntaxError("m", ("dir/f.py", 3, 4, "t"))
e.lineno = 10
print(str(e), e.args, vars(e))
print(str(SyntaxError("m", (None, 3, 1, "t"))), str(SyntaxError("m", ("a/b/f.py", None, 1, "t"))))
for bad in [("f.py", 1), ("f.py", 1, 2, "t", 3)]:
    try:
        SyntaxError("m", bad)
    except TypeError as t:
        print(t)
class MySyntaxError(SyntaxError):
    pass
print(str(MySyntaxError("mine", ("x.py", 2, 1, "code"))))
