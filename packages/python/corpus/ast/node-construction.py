# Node classes: _fields, _attributes, _field_types, positional and keyword construction, 3.13 defaults
import ast
import warnings

print(ast.BinOp._fields, ast.BinOp.__match_args__, ast.expr._attributes, ast.AST._fields)
print(ast.Name._field_types, ast.Dict._field_types, ast.Constant._field_types)
print(ast.FunctionDef.returns, ast.Name.end_lineno, ast.Constant.kind, ast.Load.__doc__)
print(ast.stmt.__doc__.splitlines()[0], ast.arguments.__doc__)
print(issubclass(ast.BinOp, ast.expr), issubclass(ast.Load, ast.expr_context), isinstance(ast.Add(), ast.operator))
node = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2), lineno=3)
print(ast.dump(node, include_attributes=True), node.lineno)
print(sorted(vars(ast.FunctionDef('f')).items(), key=str)[:4])
print(ast.dump(ast.Name('x')), type(ast.Name('x').ctx).__name__, ast.arguments().args)
for args, kwargs in [((1, 2, 3), {}), (('x',), {'id': 'y'})]:
    try:
        ast.Name(*args, **kwargs)
    except TypeError as error:
        print('TypeError', error)
try:
    ast.AST(1)
except TypeError as error:
    print('TypeError', error)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    ast.BinOp(ast.Constant(1))
    ast.Name(id='x', spam=1)
for warning in sorted(caught, key=lambda warning: str(warning.message)):
    print(warning.category.__name__, warning.message)
match ast.parse("a + 1").body[0].value:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(value)):
        print('matched', id, value)
try:
    ast.Pass().lineno
except AttributeError as error:
    print('AttributeError', error)
