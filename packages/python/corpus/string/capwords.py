# capwords: split on whitespace runs, capitalize, join with one space
import string
for text in ["hello world", "  hello   wORLD  ", "", "a", "ONE two THREE", "tab\tand\nnewline", "x1 2y"]:
    print(repr(string.capwords(text)))
print(string.capwords("already Capitalized Words"), string.capwords("123 abc"))
