# bytes / bytearray maketrans, translate (table and delete), expandtabs, istitle,
# removeprefix / removesuffix: results, identity of unchanged bytes, buffer arguments, errors.
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], type(t), bytearray.maketrans(b"a", b"b")[97:98], type(bytearray.maketrans(b"", b"")))
for call in (lambda: bytes.maketrans(b"ab", b"c"), lambda: bytes.maketrans("a", "b"), lambda: bytes.maketrans(b"a"),
             lambda: b"abc".translate(b"x"), lambda: b"abc".translate(None, "a"), lambda: b"abc".translate("x"*256),
             lambda: b"a".translate(), lambda: b"a".expandtabs(8, 3), lambda: b"a".expandtabs("x"), lambda: b"a".removeprefix("a"),
             lambda: b"a".removeprefix(), lambda: b"abc".translate(None, delete=b"a"), lambda: b"abc".translate(table=None),
             lambda: bytearray(b"a").translate(memoryview(t)), lambda: b"a".istitle(1)):
    try: print(call())
    except Exception as e: print(type(e).__name__, e)
b = b"hello world"
print(b.translate(None) is b, b.translate(None, b"") is b, b.translate(t) , b.translate(t, b"lo"), b.translate(None, b"lo"))
print(b.removeprefix(b"xx") is b, b.removeprefix(b"") is b, b.removeprefix(b"hel"), b.removesuffix(b"ld"), b.removesuffix(b"x") is b)
print(bytearray(b"ab").removeprefix(b"a"), bytearray(b"ab").removesuffix(memoryview(b"b")))
print(b"a\tbc\tdef\n\tx\r\ty".expandtabs(), b"a\tb".expandtabs(0), b"a\tb".expandtabs(tabsize=3), bytearray(b"\t").expandtabs(2))
print([x.istitle() for x in (b"", b"Hello World", b"hello", b"HeLLo", b"A1 B", b"1", b"A", b"Hello  world")])
print(bytearray(b"x\ty").expandtabs(4), bytearray(b"Ab").istitle(), bytearray(b"abc").translate(None, b"b"))
print(b"abc".translate(bytearray(t)), b"abc".removesuffix(bytearray(b"bc")), b"ab".removeprefix(b"abc"))
a = bytearray(b"same")
print(a.removeprefix(b"zz") is a, a.translate(None) is a)
