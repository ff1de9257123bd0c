# sys.intern returns one object per distinct text: built strings become identical to literals
import sys

built = "".join(["mem", "ory"])
literal = "memory"
print(built == literal)
first = sys.intern(built)
second = sys.intern(literal)
print(first is second, first is sys.intern("".join(["me", "mory"])))
print(sys.intern("other") == "other")
try:
    sys.intern(5)
except TypeError as error:
    print(error)
