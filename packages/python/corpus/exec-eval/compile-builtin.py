# compile() makes code objects exec and eval run; its SyntaxError carries the filename
code = compile("x = 1 + 2\nprint('ran', x)", "prog.py", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
ns = {}
exec(code, ns)
exec(code, ns)
expr = compile("x * 10", "<expr>", "eval")
print(eval(expr, {'x': 4}), exec(expr, {'x': 1}), eval(code, {}))
exec(compile("y = 5", "<single>", "single"), {})
exec(compile("6 * 7", "<single>", "single"), {})
g = {}
exec(compile("def f(a):\n    return a + 1\n", "mod.py", "exec"), g)
print(g['f'](1), g['f'].__code__.co_filename)
c2 = compile(source="z = 3", filename="kw.py", mode="exec", flags=0, dont_inherit=True)
exec(c2, g)
print(g['z'])
for args in [("a b", "bad.py", "exec"), ("x", "f", "run"), (5, "f", "exec"), ("1 +", "e.py", "eval")]:
    try:
        compile(*args)
    except (SyntaxError, ValueError, TypeError) as err:
        print(type(err).__name__, err)
try:
    eval(compile("1/0", "zero.py", "eval"))
except ZeroDivisionError as err:
    print('ZeroDivisionError', err)
