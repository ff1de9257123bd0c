# search/match/fullmatch and the Match object: groups, named groups, spans, lastindex.
import re
m = re.search(r"(?P<word>[a-z]+)\s+(?P<num>\d+)", "xx hello 42 yy")
print(m)
print(m.group(), m.group("word", "num"), m.groups(), m.groupdict())
print(m.span(2), m.start(), m.end(), m.lastindex, m.lastgroup, m[1], m["num"])
print(re.match(r"a", "ba"), re.match(r"b", "ba"), re.fullmatch(r"\w+", "abc"))
print(re.fullmatch(r"a|ab", "ab"), re.search(r"(a)(b)?", "ac").groups("-"))
print(bool(re.search("z", "abc")), re.match(r"(\d+)-(\d+)", "10-20").expand(r"\2-\1"))
print(re.search(r"c$", "abc\n"), re.search(r"\Aab\Z", "ab"), re.search(r"^b", "ab"))
