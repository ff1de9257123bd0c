# ValueError and TypeError from int() and float() conversions.
for text in ["12", "  7 ", "x1", "3.5", ""]:
    try:
        print("int", int(text))
    except ValueError as e:
        print("ValueError", e)
for text in ["2.5", "nan?", "1e3"]:
    try:
        print("float", float(text))
    except ValueError as e:
        print("ValueError", e)
try:
    int([1])
except TypeError as e:
    print("TypeError", e)
