# split/strip/rsplit use Python's whitespace: U+001C..U+001F and U+0085 count, U+FEFF does not.
for s in ["\ufeffa b\ufeff", "a\x1cb\x1dc\x1ed\x1fe", "a\x85b", "a\u2028b\u3000c", "\x85x\x1f"]:
    print([hex(ord(c)) for c in s.strip()], len(s.split()), len(s.rsplit()))
    print(len(s.lstrip()), len(s.rstrip()), len(s.splitlines()), s.split(None, 1) == s.split(maxsplit=1))
    print([len(part) for part in s.rsplit(maxsplit=1)], s.isspace(), "\x1c\x85 ".isspace())
