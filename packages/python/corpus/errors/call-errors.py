# TypeError messages for bad calls: arity, unknown and duplicate keywords, methods.
class Plain:
    def method(self):
        return 1


def f(a, b=2):
    return a + b


attempts = [0, 1, 2, 3, 4]
for attempt in attempts:
    try:
        if attempt == 0:
            f(1, z=3)
        elif attempt == 1:
            f(1, a=3)
        elif attempt == 2:
            f()
        elif attempt == 3:
            Plain().method(5)
        else:
            Plain(1)
    except TypeError as e:
        print(attempt, e)
