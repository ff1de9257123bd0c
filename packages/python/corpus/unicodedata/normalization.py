# unicodedata.normalize and is_normalized: the four forms, Hangul, ordering of marks, errors.
import unicodedata

texts = ["café", "cafe\u0301", "\ufb01ne", "\u1e9b\u0323", "Å", "\u212b", "가각", "\u1100\u1161\u11a8",
         "a\u0328\u0301\u0323", "\u00bd x\u00b2", "\uff21\uff22", "ｶﾞ", "\u0344", "\U0001d400", "plain"]
for text in texts:
    forms = [unicodedata.normalize(form, text) for form in ("NFC", "NFD", "NFKC", "NFKD")]
    print([" ".join("%04X" % ord(c) for c in form) for form in forms])
    print([unicodedata.is_normalized(form, text) for form in ("NFC", "NFD", "NFKC", "NFKD")])
s = "already"
print(unicodedata.normalize("NFC", s) is s)
for call in [lambda: unicodedata.normalize("NFX", "a"), lambda: unicodedata.normalize(1, "a"),
             lambda: unicodedata.is_normalized("NFC", 1), lambda: unicodedata.normalize("NFC"),
             lambda: unicodedata.is_normalized("nfc", "a")]:
    try:
        call()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
