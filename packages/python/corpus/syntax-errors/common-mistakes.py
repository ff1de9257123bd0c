# compile() of common mistakes: CPython's exception class, message and location fields.
mistakes = [
    "if x\n    pass", "print('a'", "def f(:\n    pass", "  x = 1", "if True:\npass",
    'print "x"', "f() = 1", "1 = x", "x = (1, 2", "for i in range(3)\n    print(i)",
    "while True print(1)", "x = [1, 2 3]", "def f():\n  x = 1\n    y = 2", "class A\n    pass",
    "else:\n    pass", "x = 5 +* 3", "'abc", "foo(a=1, 2)", "import", "a, b += 1",
    "x = {1: 2, 3}", "del f()", "x = 1 if 2", "True = 1", "x = 1 )", "x = 1abc", "x = (]",
    "def f():\n\tif 1:\n        return",
]
for source in mistakes:
    try:
        compile(source, "<learner>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
