# str.maketrans builds a code-point table; translate looks each character up with table[ord(c)].
t = str.maketrans("abc", "xyz", "d")
print(t, "aabbccdd".translate(t), "abc".maketrans({"a": "AA", 98: None}))
print("hello".translate({ord("l"): "L", ord("o"): None}), "x".translate([]))
class Upper:
    def __getitem__(self, k):
        if k == 32: raise LookupError
        return k - 32
print("ab cd".translate(Upper()))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}), lambda: "a".translate({97: 1.5})]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
