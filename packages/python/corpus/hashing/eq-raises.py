# An exception raised by __eq__ during a lookup propagates out of the lookup.
class Bad:
    def __hash__(self):
        return 0

    def __eq__(self, other):
        raise ValueError("no comparing")


d = {Bad(): 1}
try:
    d[Bad()]
except ValueError as e:
    print("ValueError", e)
s = {Bad()}
try:
    Bad() in s
except ValueError as e:
    print("ValueError", e)
print(len(d), len(s))
