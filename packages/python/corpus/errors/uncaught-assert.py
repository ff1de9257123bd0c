# An assert without a message, uncaught: the report is just "AssertionError".
def check(items):
    assert len(items) > 0
    return items[0]


print(check([5]))
print(check([]))
