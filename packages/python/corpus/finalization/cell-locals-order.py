# At return, plain locals die in co_varnames order and captured (cell) locals after them all;
# a cell also held by a closure dies with that closure.
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("dying", self.name)


def f(param, captured_param):
    a = N("a")
    captured = N("captured")
    b = N("b")

    def inner():
        return captured, captured_param

    c = N("c")
    print("return")


f(N("param"), N("captured_param"))
print("end")
