# the character-class constants and their lengths
import string
for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits", "punctuation", "whitespace"]:
    value = getattr(string, name)
    print(name, len(value), repr(value))
print(len(string.printable), repr(string.printable))
