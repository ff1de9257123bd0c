# An uncaught SyntaxError from exec(): its last line carries CPython's "Maybe you meant" message.
source = """
x = 3
if x = 3:
    print("three")
"""
print("compiling")
exec(source)
