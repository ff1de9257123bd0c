# str predicates and the split/partition/strip-family methods real programs use
words = ["abc123", "ABC", "abc", "Title Case", "12", "", "a b", "hello_world", "x\ty"]
for word in words:
    print(repr(word), word.isalnum(), word.isupper(), word.islower(), word.istitle(),
          word.isdecimal(), word.isnumeric(), word.isascii(), word.isidentifier(),
          word.isprintable())
print("a\tbc\td".expandtabs(), "a\tb".expandtabs(4), "x\n\ty".expandtabs(2))
print("banana".rfind("an"), "banana".rfind("x"), "banana".rindex("a"))
print("a b  c ".rsplit(), "a,b,c".rsplit(",", 1), "a b c".rsplit(None, 1))
print("one\ntwo\r\nthree\rfour\n".splitlines(), "x\ny\n".splitlines(True))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("none".partition("="), "none".rpartition("="))
print("Hello World".swapcase(), "Straße".casefold())
print("prefix-body".removeprefix("prefix-"), "body.py".removesuffix(".py"))
print("body".removeprefix("x"), "body".removesuffix(""))
try:
    "banana".rindex("x")
except ValueError as error:
    print(error)
try:
    "a".partition("")
except ValueError as error:
    print(error)
