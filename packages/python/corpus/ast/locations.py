# fix_missing_locations, copy_location, increment_lineno and get_source_segment
import ast

node = ast.Expression(ast.BinOp(ast.Name('a', lineno=4, col_offset=2), ast.Add(), ast.Constant(1)))
ast.fix_missing_locations(node)
print(ast.dump(node, include_attributes=True))
target = ast.Name('b')
ast.copy_location(target, node.body.left)
print(target.lineno, target.col_offset, target.end_lineno, target.end_col_offset)
tree = ast.parse("x = 1\ny = (2,\n     3)\n")
ast.increment_lineno(tree, 10)
print([(type(n).__name__, n.lineno, n.end_lineno) for n in ast.walk(tree) if hasattr(n, 'lineno')])
source = "if ok:\n    value = call(1,\n                 2)\n"
call = ast.parse(source).body[0].body[0].value
print(repr(ast.get_source_segment(source, call)))
print(repr(ast.get_source_segment(source, call, padded=True)))
print(ast.get_source_segment(source, ast.Name('q')))
text = "\fa = (1,\r\n 2)\r\nc = 2"
print([ast.get_source_segment(text, statement) for statement in ast.parse(text).body])
