# Generator expressions are lazy: nothing runs until the values are asked for.
def noisy(x):
    print("computing", x)
    return x * x


squares = (noisy(x) for x in range(3))
print("created", type(squares).__name__)
print(next(squares))
print("between")
for value in squares:
    print("got", value)
print(sum(x * x for x in range(10)))
print(list(x for x in range(10) if x % 3 == 0))
print(list((x, y) for x in range(3) for y in range(x)))
print(max(len(word) for word in ["a", "abc", "ab"]))
print(",".join(str(n) for n in [3, 1, 2]))
gen = (c.upper() for c in "hey")
print(list(gen), list(gen))
