# Complex division by zero, powers of zero, and operators complex does not support.
for action in ["div", "pow", "mod", "floordiv", "order", "int"]:
    try:
        if action == "div":
            print(1j / 0)
        elif action == "pow":
            print(0j ** -1)
        elif action == "mod":
            print(1j % 2)
        elif action == "floordiv":
            print(1j // 2)
        elif action == "order":
            print(1j < 2j)
        else:
            print(int(1j))
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
