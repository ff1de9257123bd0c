# findall, finditer, sub, subn and split, including empty matches next to others.
import re
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2"), re.findall(r"(a)|b", "ab"))
print(re.sub(r"x*", "-", "abxd"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.subn("a", "b", "aaa", count=2), re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2"))
print(re.sub(r"(?P<n>\d)", r"<\g<n>\g<0>>", "x5"), re.sub(r"(\d+)", r"[\1]", "ab12cd3"))
print(re.split(r",\s*", "a, b,c"), re.split(r"(,)", "a,b"), re.split(r"x*", "axbc"))
print(re.split(r"\s+", " a b ", maxsplit=1), [m.span() for m in re.finditer(r"o", "foo boo")])
print(re.findall(r"[A-Z][a-z]*", "Hello World Foo"), re.findall(r"\bcat\b", "cat concat cat."))
print(re.findall(r"a{2,}", "a aa aaa"), re.findall(r"a{,2}", "aaa"), re.search(r"\{x\}", "{x}").group())
