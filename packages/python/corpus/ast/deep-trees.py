# Deep trees: CPython's RecursionError where CPython raises one, and no stack overflow anywhere
import ast

try:
    ast.parse("+".join(["1"] * 100000))
except RecursionError as error:
    print('RecursionError', error)
tree = ast.parse("+".join(["1"] * 1200))
print(sum(1 for _ in ast.walk(tree)))
try:
    ast.dump(tree)
except RecursionError:
    print('dump: RecursionError')
try:
    ast.literal_eval(tree.body[0].value)
except ValueError as error:
    print('ValueError', str(error).split(': <')[0])
at = dict(lineno=1, col_offset=0)
node = ast.Constant(1, **at)
for _ in range(1500):
    node = ast.BinOp(node, ast.Add(), ast.Constant(1, **at), **at)
print(sum(1 for _ in ast.walk(node)))
try:
    ast.literal_eval(node)
except ValueError as error:
    print('ValueError', str(error).split(': <')[0])
