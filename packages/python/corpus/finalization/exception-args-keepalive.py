# Objects passed to an exception live in its args until the exception itself is freed.
class Evidence:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("evidence", self.name, "freed")


def fail():
    raise ValueError(Evidence("e1"), "message")


try:
    fail()
except ValueError as e:
    print("handler holds", e.args[0].name, len(e.args))
print("handler done")
saved = None
try:
    fail()
except ValueError as e:
    saved = e
print("saved exception keeps", saved.args[0].name)
saved = None
print("end")
