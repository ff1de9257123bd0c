# unicodedata.name and lookup: plain, algorithmic (Hangul, CJK), aliases, named sequences, errors.
import unicodedata

for ch in "aé€😀가힣一\U00020000豈\U00018b00\u00ad\ufe0f":
    print(hex(ord(ch)), unicodedata.name(ch))
print(unicodedata.name("\x00", "no name"), unicodedata.name("\U0010ffff", None))
for name in ["latin small letter a", "LF", "BYTE ORDER MARK", "HANGUL SYLLABLE GAG",
             "cjk unified ideograph-4e00", "SNOWMAN", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
             "KHITAN SMALL SCRIPT CHARACTER-18B00", "ZERO WIDTH NO-BREAK SPACE"]:
    print(name, [hex(ord(c)) for c in unicodedata.lookup(name)])
print(unicodedata.lookup(b"SNOWMAN"))
for bad in ["NOT A NAME", "x" * 300, "", "HANGUL SYLLABLE GAX", "CJK UNIFIED IDEOGRAPH-FFFF"]:
    try:
        unicodedata.lookup(bad)
    except KeyError as error:
        print("KeyError", error)
for call in [lambda: unicodedata.name("ab"), lambda: unicodedata.name(1), lambda: unicodedata.name(),
             lambda: unicodedata.name("\x00"), lambda: unicodedata.lookup(1),
             lambda: unicodedata.name("a", None, 1), lambda: unicodedata.name(chr=1)]:
    try:
        call()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
print(unicodedata.unidata_version)
