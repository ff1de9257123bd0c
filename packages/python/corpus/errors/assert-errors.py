# assert with and without a message.
def check(value):
    assert value > 0, "value must be positive"
    return value


print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(e.args))
assert len("abc") == 4, "length " + str(len("abc"))
print("not reached")
