# an uncaught ValueError from capwords with an empty separator
import string
print(string.capwords("fine"))
print(string.capwords("still fine", " "))
print(string.capwords("a b", ""))
