# Python Tutor: string methods — palindromes, word counts, formatting, joining
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""


def is_palindrome(s):
    cleaned = "".join(ch.lower() for ch in s if ch.isalnum())
    return cleaned == cleaned[::-1]


for candidate in ["Racecar", "A man, a plan, a canal: Panama!", "hello"]:
    print(f"{candidate!r:35} palindrome? {is_palindrome(candidate)}")

words = text.replace(",", "").lower().split()
print(len(words), words.count("was"), words.index("worst"))
lines = text.splitlines()
print([line.strip().capitalize()[:20] for line in lines])
print(text.find("age"), text.rfind("age"), text.startswith("It"), "times" in text)
print("-".join(sorted(set(words))[:6]))
print("{:^20}|{:<6}|{:>6}".format("centered", "left", "right"))
print("%s has %d chars and %.1f%% vowels" % ("wisdom", 6, 100 * 2 / 6))
print("  padded  ".strip(), "xxhixx".strip("x"), "a,b,,c".split(","), "a b  c".split())
print("Title Case Me".swapcase(), "snake_case_name".title().replace("_", ""))
print(" ".join(w[::-1] for w in "stressed desserts".split()))
print(ord("A"), chr(97), "abc".encode(), str(3.0), repr("it's"))
print("tab\tsep".expandtabs(4), "42".zfill(5), "x".center(5, "*"), "ab".ljust(4, ".") + "|")
print(str.maketrans("abc", "xyz") == {97: 120, 98: 121, 99: 122}, "aabbcc".translate(str.maketrans("abc", "xyz")))
print("%-6s|%6.2f|%x|%o|%e" % ("ab", 3.14159, 255, 8, 12345.678))
