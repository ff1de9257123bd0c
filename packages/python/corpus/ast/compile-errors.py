# compile() of hand-built trees: CPython's TypeError/ValueError for missing or wrong fields
import ast


def attempt(tree, mode="exec"):
    try:
        compile(tree, "<ast>", mode)
        print("ok")
    except (TypeError, ValueError, SyntaxError) as error:
        print(type(error).__name__, str(error).split(' <ast.')[0])


at = dict(lineno=1, col_offset=0)
attempt(ast.Module([ast.Expr(ast.Name('x', ast.Load()))], []))
attempt(ast.Module([ast.Expr(ast.Name('x', ast.Load(), **at), **at)], []))
attempt(ast.Module([ast.Pass()], []))
attempt(ast.Expression(ast.Constant(1)))
attempt(ast.Module([ast.Expr(ast.Pass(**at), **at)], []))
attempt(ast.Module([ast.Expr(ast.Name(1, ast.Load(), **at), **at)], []))
attempt(ast.Module(ast.Pass(), []))
attempt(ast.Module([ast.FunctionDef('f', ast.arguments(), [], **at)], []))
attempt(ast.Module([ast.Expr(value=None, **at)], []))
attempt(ast.Module([ast.Expr(ast.Constant('x', lineno='a', col_offset=0), **at)], []))
attempt(ast.parse("return 1"))
attempt(ast.parse("x", mode="eval"), "exec")
attempt(ast.parse("x", mode="eval"), "eval")
try:
    compile(5, "<ast>", "exec")
except TypeError as error:
    print('TypeError', error)
