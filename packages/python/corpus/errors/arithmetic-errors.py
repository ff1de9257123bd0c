# Division and modulo by zero for ints and floats.
for expression in ["int /", "int //", "int %", "float /", "float //", "float %"]:
    try:
        if expression == "int /":
            1 / 0
        elif expression == "int //":
            1 // 0
        elif expression == "int %":
            1 % 0
        elif expression == "float /":
            1.5 / 0.0
        elif expression == "float //":
            1.5 // 0.0
        else:
            1.5 % 0.0
    except ZeroDivisionError as e:
        print(expression, "->", e)
