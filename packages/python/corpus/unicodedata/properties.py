# unicodedata's property getters over a spread of characters, and their argument errors.
import unicodedata

sample = "aZ5 \t\u00a0\u0301\u0300\u05d0\u0627\u0663\u00bd\u2167\u4e00\u3000\uff21(\u00ab\U0001f600\U000e0001\ud800\ue000\U0010fffd\u0378"
for ch in sample:
    print(hex(ord(ch)), unicodedata.category(ch), repr(unicodedata.bidirectional(ch)),
          unicodedata.combining(ch), unicodedata.east_asian_width(ch), unicodedata.mirrored(ch),
          repr(unicodedata.decomposition(ch)))
for ch in "7\u0663\u00b2\u00bd\u2167\u4e00\u5146a":
    print(hex(ord(ch)), unicodedata.decimal(ch, None), unicodedata.digit(ch, None),
          unicodedata.numeric(ch, None))
for function in [unicodedata.decimal, unicodedata.digit, unicodedata.numeric]:
    try:
        function("x")
    except ValueError as error:
        print("ValueError", error)
for call in [lambda: unicodedata.category("ab"), lambda: unicodedata.combining(""),
             lambda: unicodedata.category(), lambda: unicodedata.decomposition(5)]:
    try:
        call()
    except TypeError as error:
        print("TypeError", error)
