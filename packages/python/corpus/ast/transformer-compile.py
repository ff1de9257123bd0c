# NodeTransformer rewrites a tree; compile() turns the node objects back into code that runs
import ast


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

    def visit_Assert(self, node):
        return None

    def visit_Expr(self, node):
        self.generic_visit(node)
        return [node, node]


tree = ast.parse("x = 1 + 2\nassert False\nprint(x, 'x')\n")
tree = ast.fix_missing_locations(Double().visit(tree))
print(ast.dump(tree))
namespace = {}
exec(compile(tree, "<ast>", "exec"), namespace)
print(namespace['x'])
expression = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(expression), "<expr>", "eval")))
function = ast.parse("def add(a, b=10):\n    return a + b\n")
exec(compile(function, "<fn>", "exec"), namespace)
print(namespace['add'](5), namespace['add'](1, 2))
single = ast.parse("6 * 7", mode="single")
exec(compile(single, "<single>", "single"))
print(compile(tree, "<ast>", "exec", ast.PyCF_ONLY_AST) is tree)
