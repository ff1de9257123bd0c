# Keyword arguments of the built-in functions: taken where CPython takes them, refused (with
# CPython's TypeError) where it takes none, never silently ignored.
tests = [
    "round(number=2.567, ndigits=1)", "round(2.567, ndigits=1)", "round(2.5, foo=1)", "abs(x=1)",
    "len(obj=[])", "sum([1], start=5)", "min([], default=7)", "min(1, 2, default=3)",
    "int('10', base=2)", "pow(base=2, exp=5, mod=3)", "divmod(7, y=2)", "str(object=5)",
    "str(b'a', encoding='ascii')", "str(b'abc', 'ascii')", "str(bytearray(b'ab'), errors='strict')",
    "str(memoryview(b'ab'), 'ascii')", "str(b'\\xff', 'utf-8', 'replace')", "str('a', 'utf-8')",
    "str(1, errors='x')", "str(b'a', 5)", "str(b'a', x=1)", "str(encoding='ascii')",
    "float(x='1.5')", "isinstance(obj=1, class_or_tuple=int)", "getattr(1, 'real', default=0)",
    "hash(obj=1)", "repr(obj=1)", "format(1, format_spec='03')", "chr(i=65)", "ord(c='a')",
    "any(iterable=[1])", "all([1], x=1)", "list(iterable=[1])", "tuple(iterable=[1])",
    "bool(x=1)", "callable(obj=1)", "object(x=1)", "sorted([3, 1], reverse=True)",
    "max(1, 2, key=None)", "enumerate('ab', start=3).__next__()",
]
for text in tests:
    try:
        print(text, "->", repr(eval(text)))
    except Exception as error:
        print(text, "!!", type(error).__name__, error)
