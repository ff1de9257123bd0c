# Compiled patterns: flags, inline flags, verbose mode, DOTALL, reprs, Unicode \w, the cache.
import re
p = re.compile(r"^\w+$", re.MULTILINE | re.IGNORECASE)
print(p, p.flags, p.groups, p.pattern, p.findall("One\ntwo\nthree four"))
print(re.compile("a.c", re.S).match("a\nc"), re.match("a.c", "a\nc"), re.compile("x") is re.compile("x"))
phone = re.compile(r"""
    (\d{3})   # area
    [-\s]?
    (\d{4})   # number
""", re.VERBOSE)
print(phone.findall("555-1234 and 5551234"), re.sub(r"(?i)HELLO", "bye", "Hello hello"))
print(re.findall("é\\w", "éa éb"), re.findall(r"\w+", "naïve café"), re.findall(r"\w+", "naïve", re.ASCII))
print(re.escape("a.b*c"), re.escape("x y"), re.compile(r"\d").search("ab3").span())
try:
    re.compile("(")
except re.error as error:
    print("error", type(error).__name__, re.error is re.PatternError)
