# `=` where a comparison belongs: "Maybe you meant '==' or ':=' instead of '='?" and its neighbours.
sources = [
    "if x = 1:\n    pass", "while x = 1:\n    pass", "[x = 1]", "{x = 1}", "d[x = 1]",
    "if (x = 1):\n  pass", "if x = y == 1:\n pass", "if x = 1\n  pass", "if x.y = 1:\n  pass",
    "if f(x) = 1:\n pass", "if x = 1 = 2:\n pass", "if x == 1 and y = 2:\n  pass",
    "assert x = 1", "f(a.b = 1)", "y = [i for i in z if i = 1]",
]
for source in sources:
    try:
        compile(source, "<learner>", "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
