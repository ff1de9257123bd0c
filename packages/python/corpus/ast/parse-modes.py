# ast.parse modes (exec, eval, single), bytes source, compile(..., PyCF_ONLY_AST) and syntax errors
import ast

print(ast.dump(ast.parse("a if b else c", mode="eval")))
print(ast.dump(ast.parse("x = 1; y = 2", mode="single")))
print(ast.dump(ast.parse(b"s = '\xc3\xa9'"), include_attributes=True))
print(ast.dump(compile("z", "<f>", "exec", ast.PyCF_ONLY_AST)))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_OPTIMIZED_AST)
print(ast.dump(ast.parse("return 1")))
cases = [("x = 1", "eval"), ("1; 2", "eval"), ("if x: pass", "eval"), ("x y", "exec"),
         ("x = 1\ny = 2", "single"), ("def f(:\n  pass", "exec"), ("  x", "exec")]
for source, mode in cases:
    try:
        ast.parse(source, "<src>", mode)
    except SyntaxError as error:
        print(type(error).__name__, error.msg, error.filename, error.lineno, error.offset, repr(error.text))
try:
    ast.parse("x", mode="exec-ish")
except ValueError as error:
    print('ValueError', error)
try:
    ast.parse(5)
except TypeError as error:
    print('TypeError', error)
