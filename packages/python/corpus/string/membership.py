# classifying characters with the constants
import string
text = "Hello, World! 42 times\tover."
print([c for c in text if c in string.punctuation])
print("".join(c for c in text if c in string.ascii_letters))
print(sum(1 for c in text if c in string.digits), sum(1 for c in text if c in string.whitespace))
print(all(c in string.hexdigits for c in "deadBEEF"), "g" in string.hexdigits)
