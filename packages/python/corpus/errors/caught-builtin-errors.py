# The messages of common built-in exceptions, caught and printed.
def show(e):
    print(type(e).__name__, e)


try:
    undefined_name
except NameError as e:
    show(e)
try:
    1 / 0
except ZeroDivisionError as e:
    show(e)
try:
    {"a": 1}["b"]
except KeyError as e:
    show(e)
try:
    [1, 2, 3][10]
except IndexError as e:
    show(e)
try:
    (1, 2)[5]
except IndexError as e:
    show(e)
try:
    "abc".missing
except AttributeError as e:
    show(e)
try:
    1 + "a"
except TypeError as e:
    show(e)
