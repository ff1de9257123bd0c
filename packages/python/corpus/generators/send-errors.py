# send() into a just-started generator must be None; a finished one raises StopIteration.
def gen():
    x = yield 1
    print("x =", x)


g = gen()
try:
    g.send(5)
except TypeError as e:
    print("TypeError", e)
print(g.send(None))
try:
    g.send("hello")
except StopIteration:
    print("finished")
try:
    g.send(1)
except StopIteration:
    print("still finished")
