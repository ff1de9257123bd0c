# checking a password against character classes
import string
def strength(password):
    classes = [string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation]
    return sum(1 for chars in classes if any(c in chars for c in password))
for p in ["abc", "abcDEF", "abc123XYZ", "P@ssw0rd!", ""]:
    print(repr(p), strength(p))
