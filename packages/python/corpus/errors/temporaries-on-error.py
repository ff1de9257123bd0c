# Temporaries half-way through an expression are released while the exception unwinds,
# before the handler runs.
class Temp:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  free", self.name)


def boom():
    raise ValueError("boom")


def take(first, second, third):
    return 3


cases = ["list display", "dict display", "call arguments", "comprehension", "f-string"]
for case in cases:
    print(case)
    try:
        if case == "list display":
            x = [Temp("l0"), Temp("l1"), boom()]
        elif case == "dict display":
            x = {"a": Temp("d0"), "b": boom()}
        elif case == "call arguments":
            x = take(Temp("a0"), Temp("a1"), boom())
        elif case == "comprehension":
            x = [Temp("c" + str(i)) if i < 2 else boom() for i in range(3)]
        else:
            x = f"{Temp('f0').name} {boom()}"
    except ValueError as e:
        print("  caught", e)
