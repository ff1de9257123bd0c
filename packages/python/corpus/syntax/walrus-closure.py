# A name bound by := inside a function is local and can be captured by a closure.
def counter():
    inner = lambda: value
    if (value := 41) > 40:
        value += 1
    return inner
print(counter()())
def first_long(words):
    for w in words:
        if (size := len(w)) > 3:
            return w, size
    return None, size
print(first_long(["a", "bb", "cccc"]))
print(first_long(["a"]))
