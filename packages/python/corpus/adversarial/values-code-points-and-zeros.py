# Values (issue 11, item 8): signed zeros, float division and overflow, round of huge floats,
# str length, search, padding and ordering by code point (not UTF-16 unit), hash("").
print(-0.0 % 5, 0.0 % -5, (-0.0) % -5, divmod(-0.0, 5), divmod(0.0, -5))
print(format(-0.0, "+"), format(-0.0, ""), format(-0.001, ".1f"), format(0.0, "+"))
print(1 // 0.1, 1 % 0.1, -7.5 // 2, -7.5 % 2, 7.5 % -2, -0.0 // 5)
print(round(1e300, 2), round(-1e300, 5), round(2.675, 2), round(1e16 + 2, 3))
try:
    print(1.5 ** 10000)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(hash(""))
s = "a😀b"
print(len(s), s.find("b"), s.index("b"), s.count("😀"), s[1], s[-1])
print("😀".ljust(3, "-"), "😀".rjust(3, "-"), "😀".center(4, "*"), "-😀".zfill(4))
print("😀" < "\uffff", "\uffff" < "😀", "a😀" > "a\ue000", sorted(["😀", "\uffff", "z"]))
print(format("😀", ">3") + "|", f"{'😀':*^5}")
