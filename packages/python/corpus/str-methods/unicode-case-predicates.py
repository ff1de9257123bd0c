# str case conversions and predicates on non-ASCII text follow CPython's Unicode 15.1 rules.
def codes(text):
    return " ".join("%04X" % ord(c) for c in text)


words = ["straße", "ΟΔΟΣ ΟΔΟΣ.", "ǆemal", "ﬁnal ﬂow", "İstanbul", "ΣΑ'Σ", "ꭰᏸ", "ǰ", "ŉ", "ΐ"]
for word in words:
    print(word.upper(), word.lower(), word.casefold(), word.title(), word.capitalize(), word.swapcase())
samples = ["²³", "٣٤", "½", "Ⅻ", "一二", "\u1c89", "\U0001e030", "\ufeff", "\x1c\x1f", "\u00a0\u2003",
           "x\u0301", "ǅ", "Ǆa", "ß", "ᾈ", "\u0378", "\u00ad", "𝔘𝔫𝔦", "_x٣", "℘x", "a b"]
for text in samples:
    print(codes(text), [int(getattr(text, name)()) for name in
          ("isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "isalnum", "isprintable",
           "isidentifier", "isupper", "islower", "istitle")])
print(codes("ΣΑΣ σ".lower()), codes("ΑΣ\u0345".lower()), codes("Σ".lower()), codes("aΣ'".lower()))
