# s[i] on ASCII and non-ASCII strings, negative indices, a loop over a long string, IndexError.
s = "x" * 5000 + "y"
print(sum(1 for i in range(len(s)) if s[i] == "x"), s[-1], s[5000])
w = "héllo wörld 😀!"
print([w[i] for i in (0, 1, -1, -2, 12)], len(w))
for text, index in (("abc", 3), ("", 0), ("é", -2)):
    try:
        text[index]
    except IndexError as error:
        print(error)
