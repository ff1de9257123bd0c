# capwords with an explicit separator keeps empty pieces
import string
print(string.capwords("a-b-c", "-"), string.capwords("--a--b", "-"), string.capwords("one, two,three", ", "))
print(string.capwords("x y", None), string.capwords("path/to/file", sep="/"))
print(repr(string.capwords("", "-")), repr(string.capwords("-", "-")))
