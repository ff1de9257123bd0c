# str.find / index / rfind windows (start, end, negative, None, empty needles) on ASCII strs, which
# are searched in place, and on non-ASCII and astral ones; the errors.
cases = [("abcabc", "c"), ("abcabc", "bc", 2), ("abc", "", 3), ("abc", "", 4), ("abc", "", 1, 0), ("abc", "c", -1), ("abc", "a", -10, -2),
         ("héllo", "l"), ("abc", "é"), ("a\U0001F600b", "b"), ("abc", "abcd"), ("", ""), ("abc", "c", None, None), ("aaa", "aa", 1), ("abc", "b", 0, 1)]
for c in cases:
    print(c, c[0].find(*c[1:]), c[0].rfind(*c[1:]))
for bad in (lambda: "a".find(1), lambda: "a".find("a", "x"), lambda: "a".index("b"), lambda: "a".find(), lambda: "abc".index("c", 0, 2)):
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
