# Names bound by with (and inside its block) in a function are locals of that function.
class M:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        return self.tag
    def __exit__(self, *exc):
        print("exit", self.tag)
def use():
    with M("a") as first, M("b") as second:
        joined = first + second
    return joined, first, second
print(use())
def closure():
    with M("c") as captured:
        pass
    return lambda: captured
print(closure()())
