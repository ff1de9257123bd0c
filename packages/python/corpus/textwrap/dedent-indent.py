# dedent removes the common leading whitespace; indent prefixes the lines a predicate selects.
import textwrap

block = """
    def greet(name):
        return 'hi ' + name

    print(greet('you'))
"""
print(textwrap.dedent(block))
print(repr(textwrap.dedent("    a\n      b\n   \n    c\n")))
print(repr(textwrap.dedent("\ta\n  b\n")), repr(textwrap.dedent("  x\n\n  y")))
print(textwrap.indent("first\n\nsecond\n", "> "))
print(repr(textwrap.indent("a\n  \nb", "+ ", lambda line: True)))
print(textwrap.indent(textwrap.dedent(block).strip(), "    | "))
