# Positions: lines from 1, columns as UTF-8 byte offsets (CPython counts bytes, not characters)
import ast

source = "é = 'ü' + f'{naïve!r:>{width}}'\nif x:\n    y = (1 +\n         2)\n"
tree = ast.parse(source)
print(ast.dump(tree, include_attributes=True))
for node in ast.walk(tree):
    if isinstance(node, (ast.expr, ast.stmt)):
        print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset,
              repr(ast.get_source_segment(source, node)))
print(ast.dump(ast.parse("match p:\n    case [1, *r] | {'k': _}:\n        pass"), include_attributes=True))
print(ast.dump(ast.parse("type T[X: int, *Ts, **P] = list[X]"), include_attributes=True))
