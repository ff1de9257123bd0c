# ast.walk (breadth first), iter_fields, iter_child_nodes and NodeVisitor dispatch
import ast

tree = ast.parse("def f(x):\n    if x > 1:\n        return g(x - 1) * 2\n    return [y for y in x]\n")
print([type(node).__name__ for node in ast.walk(tree)])
function = tree.body[0]
print([(name, type(value).__name__) for name, value in ast.iter_fields(function)])
print([type(child).__name__ for child in ast.iter_child_nodes(function)])


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__))

    def visit_Call(self, node):
        self.seen.append('call')
        self.generic_visit(node)


visitor = Names()
visitor.visit(tree)
print(visitor.seen)
print(ast.NodeVisitor().visit(tree), list(ast.iter_fields(ast.Pass())))
