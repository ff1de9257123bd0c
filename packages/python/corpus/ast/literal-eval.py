# ast.literal_eval: literals, containers, signed and complex numbers, and CPython's error messages
import ast

for text in ["42", " -3.5", "'a' 'b'", "b'xy'", "(1, [2, {3: 4}], {5})", "set()", "1+2j", "-1-2j",
             "None", "True", "...", "{'a': [None, False]}", "+7", "\t(1,)"]:
    print(repr(text), '->', repr(ast.literal_eval(text)))
for text in ["1 + 2", "x", "f()", "[1, y]", "-'a'", "2j + 1", "{**a}", "set([1])"]:
    try:
        ast.literal_eval(text)
    except ValueError as error:
        print(repr(text), 'ValueError', str(error).split(': <')[0])
print(ast.literal_eval(ast.parse("[1, 2]", mode='eval')), ast.literal_eval(ast.Constant(5)))
try:
    ast.literal_eval(ast.BinOp(ast.Constant('a'), ast.Add(), ast.Constant(1)))
except ValueError as error:
    print('ValueError', str(error).split(': <')[0])
for bad in ["(", "x = 1", "1 2"]:
    try:
        ast.literal_eval(bad)
    except SyntaxError as error:
        print(repr(bad), type(error).__name__, error.msg, error.offset)
