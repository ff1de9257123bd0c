# ast.get_docstring: cleaned or raw, on modules, classes and functions, and where there is none
import ast

source = '''"""Module doc.

    Indented more.
"""
class C:
    """  Class doc  """
    def m(self):
        """Line one
        line two
        """
    async def n(self):
        x = 1
'''
tree = ast.parse(source)
print(repr(ast.get_docstring(tree)))
print(repr(ast.get_docstring(tree, clean=False)))
cls = tree.body[1]
print(repr(ast.get_docstring(cls)), repr(ast.get_docstring(cls.body[1])), ast.get_docstring(cls.body[2]))
print(ast.get_docstring(ast.parse("42")), ast.get_docstring(ast.parse("")))
try:
    ast.get_docstring(cls.body[0])
except TypeError as error:
    print('TypeError', error)
