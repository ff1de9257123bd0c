# TypeError messages for bad operand types, calls and subscripts.
class Plain:
    pass


def two(a, b):
    return a + b


attempts = 0
number = 5
for case in range(6):
    try:
        if case == 0:
            "a" * "b"
        elif case == 1:
            len(5)
        elif case == 2:
            two(1)
        elif case == 3:
            two(1, 2, 3)
        elif case == 4:
            Plain()[0]
        else:
            number()
    except TypeError as e:
        attempts += 1
        print(case, e)
print("caught", attempts)
