# ast.parse builds node objects from pymem's parser; ast.dump prints them as CPython 3.13 does
import ast

source = "def f(a, /, b=2, *args, c, **kw) -> int:\n    return a + b * c\nx = [i for i in range(3) if i]\n"
tree = ast.parse(source)
print(ast.dump(tree))
print(ast.dump(tree, annotate_fields=False))
print(ast.dump(ast.parse("x = (1, None)"), show_empty=True))
print(ast.dump(ast.parse("del a[1:2], b.c"), indent=2))
print(ast.dump(ast.parse("lambda: 0"), indent="--"))
print(ast.dump(ast.parse("import a.b as c\nfrom . import d\nglobal g")))
print(ast.dump(ast.parse("async def g():\n    async with a as b, c:\n        await d\n    async for e in f: yield")))
print(ast.dump(ast.parse("try:\n  pass\nexcept* E as e:\n  raise X from Y\nfinally:\n  assert z, 'm'")))
print(type(tree).__name__, type(tree.body[0]).__mro__[1].__name__, tree.body[0].name)
print(repr(ast.parse("u'x'").body[0].value.kind), ast.parse("b'\\x00' + 1j + 1.5 + ... + True").body[0].value.left.left.left.left.value)
