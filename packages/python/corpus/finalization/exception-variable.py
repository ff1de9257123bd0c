# The name bound by `except ... as e` is deleted when the handler ends.
class Payload:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("payload", self.name, "freed")


def fail():
    p = Payload("in-frame")
    raise ValueError("boom")


try:
    fail()
except ValueError as e:
    print("caught", e)
try:
    print(e)
except NameError as problem:
    print("NameError:", problem)
