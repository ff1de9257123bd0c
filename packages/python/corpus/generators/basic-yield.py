# A generator function runs only when asked, one yield at a time.
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("end")


g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
for value in g:
    print("loop", value)
try:
    next(g)
except StopIteration:
    print("exhausted")
print(list(countdown(2)))
print(sum(countdown(4)), max(countdown(5)), sorted(countdown(3)))
print(3 in countdown(4), 9 in countdown(2))
