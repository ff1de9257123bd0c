# a Caesar cipher built from the constants
import string
def shift(text, n):
    lower = string.ascii_lowercase
    upper = string.ascii_uppercase
    out = []
    for c in text:
        if c in lower:
            out.append(lower[(lower.index(c) + n) % 26])
        elif c in upper:
            out.append(upper[(upper.index(c) + n) % 26])
        else:
            out.append(c)
    return "".join(out)
secret = shift("Attack at Dawn, 6 AM!", 3)
print(secret, shift(secret, -3))
