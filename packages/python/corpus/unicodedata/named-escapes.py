# \N{...} escapes in str literals and f-strings: names, aliases, case, and the unknown-name error.
s = "\N{LATIN SMALL LETTER E WITH ACUTE}t\N{latin small letter e with acute}"
print(s, len(s))
print("\N{LF}" == "\n", "\N{BYTE ORDER MARK}" == "\ufeff", "\N{HANGUL SYLLABLE HAN}")
print("\N{CJK UNIFIED IDEOGRAPH-4E2D}\N{SNOWMAN}\N{GRINNING FACE}")
name = "world"
print(f"\N{BULLET} hello {name} \N{EM DASH}")
print(r"\N{BULLET}", len(rb"\N{X}"), rf"\N{{BULLET}}")
print(b"\N{BULLET}")
try:
    exec('"\\N{NOT A CHARACTER}"')
except SyntaxError as error:
    print(error.args[0])
try:
    exec('"\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"')
except SyntaxError as error:
    print(error.args[0])
try:
    exec('"ab\\N{BULLETX}"')
except SyntaxError as error:
    print(error.args[0])
