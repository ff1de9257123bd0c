# repr(frame) and repr(code): file, line and code name (addresses left out)
import sys

def strip_address(text):
    head, _, rest = text.partition(" at 0x")
    rest = rest[rest.index(","):]
    quote = "'" if rest.startswith(", file '") else '"'
    path = rest.split(quote)[1]
    return head + " at ADDR" + rest.replace(path, path.rsplit("/", 1)[-1])

def where():
    return strip_address(repr(sys._getframe()))

print(where())
print(strip_address(repr(sys._getframe())))
print(strip_address(repr(where.__code__)))
saved = []

def keep():
    saved.append(sys._getframe())
    x = 1
    return x

keep()
print(strip_address(repr(saved[0])))
print(type(saved[0]).__name__, type(saved[0].f_code).__name__)
