# Scoped inline flags (?i:...), (?-i:...), (?s-i:...), (?m:...), (?x:...), (?a:...): each
# applies inside its group only; CPython's errors (with positions) for invalid combinations.
import re

cases = [
    (r"a(?i:b)c", ["abc", "aBc", "ABC", "abC"]),
    (r"(?i)a(?-i:b)c", ["abc", "AbC", "aBc"]),
    (r"(?i:[a-c]+)x", ["ABCx", "abcx", "ABCX"]),
    (r"(?i:[^a-c])", ["A", "d", "D"]),
    (r"(?i:\x41)", ["a", "A"]),
    (r"(?i:k)", ["K", "k", "\u212a"]),
    (r"(?i:é)", ["É", "é"]),
    (r"(?s:a.b)|a.c", ["a\nb", "a\nc", "axc"]),
    (r"(?s-i:A.b)", ["A\nb", "a\nb"]),
    (r"(?m:^b$)", ["a\nb\nc", "b", "ab"]),
    (r"(?m:^x)|^y", ["y", "a\ny", "a\nx"]),
    (r"a$", ["a\n", "a\nb"]),
    (r"(?m)a$", ["a\nb"]),
    (r"(?x: a b c )d e", ["abcd e", "abcde"]),
    (r"(?a:\w+)", ["héllo"]),
    (r"\w+(?a:\w+)", ["éé"]),
    (r"(?i:a(?-i:b)c)", ["AbC", "ABC"]),
    (r"(?i:(a)|b)\1", ["AA", "aa", "Aa"]),
]
for pattern, texts in cases:
    regex = re.compile(pattern)
    for text in texts:
        found = regex.search(text)
        print(repr(pattern), repr(text), found and found.group(0), found and found.span())

print(re.findall(r"(?i:ab)+", "abABaBxab"), re.sub(r"(?i:x)", "-", "xXyX"))
print(re.split(r"(?i:\s*and\s*)", "a AND b and c"), re.compile(r"(?i:a)").flags)
print(re.fullmatch(r"(?i:[a-z]+)\d", "AbZ9") is not None, re.match(r"(?-i:a)", "a", re.I) is not None)

bad = ["(?i", "(?i-", "(?-", "(?-)", "(?i-:a)", "(?-i", "(?-i)", "(?i-i:a)", "(?a-u:a)", "(?au:a)",
       "(?L:a)", "(?-a:a)", "(?-u:a)", "(?-L:a)", "(?x-x:a)", "(?z:a)", "(?i:a", "(?-z:a)", "(?ia-i:a)",
       "a(?i)b", "(?i-a:x)", "(?imsx-imsx:a)", "(?i-mi:a)", "(?i1:a)", "(?-i1:a)", "((a)", "a)", "x\n(?i",
       "[abc", "(?"]
for pattern in bad:
    try:
        re.compile(pattern)
        print(repr(pattern), "compiled")
    except re.error as error:
        print(repr(pattern), "|", error, "|", error.msg, error.pos, error.lineno, error.colno)
import string
print(string.Template("$\u212aa $ka").safe_substitute(ka=1))
print(re.findall(r"(?a:k)", "K\u212ak", re.I), re.findall("k", "K\u212ak", re.I|re.A), re.findall("k", "K\u212ak", re.I))
