# a subclass overriding __new__ and derive keeps its type and extra field through split
class MyGroup(ExceptionGroup):
    def __new__(cls, message, exceptions, code):
        self = super().__new__(cls, message, exceptions)
        self.code = code
        return self

    def derive(self, exceptions):
        return MyGroup(self.message, exceptions, self.code)

g = MyGroup("mine", [ValueError(1), TypeError(2)], 42)
print(repr(g), g.code, g.args)
match, rest = g.split(ValueError)
print(type(match).__name__, match.code, repr(match.exceptions))
print(type(rest).__name__, rest.code)
try:
    try:
        raise g
    except* ValueError as e:
        print("clause got", type(e).__name__, e.code)
except MyGroup as e:
    print("rest", type(e).__name__, e.code, e.exceptions)

class Plain(ExceptionGroup):
    pass
print(type(Plain("p", [ValueError()]).subgroup(ValueError)).__name__)
try:
    Plain("p", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
