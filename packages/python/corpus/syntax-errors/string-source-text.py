# What `text` holds for source given as a string: the line break the source or exec mode gives, none for eval.
cases = [
    ("1 +", "exec"), ("1 +", "eval"), ("1 +\n", "eval"), ("1 +", "single"), ("a.", "eval"),
    ("not", "eval"), ("(1 +", "eval"), ("x y", "eval"), ("'abc", "exec"), ("s = 'abc\ny = 2", "exec"),
    ("print(f'{x')", "exec"), ("x = $", "single"), ("if 1:\n    x\n  y", "exec"),
    ("return 5", "exec"), ("break", "exec"), ("def f(x, x): pass", "exec"),
    ("def f():\n    nonlocal q", "exec"), ("await x", "exec"),
]
for source, mode in cases:
    try:
        compile(source, "<s>", mode)
    except SyntaxError as e:
        print(mode, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for source in ["1 +", "  1 +", "x y"]:
    try:
        eval(source)
    except SyntaxError as e:
        print("eval()", e.offset, e.end_offset, repr(e.text), str(e))
