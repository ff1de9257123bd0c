# Reading a local before assignment raises UnboundLocalError.
counter = 0


def bump():
    counter = counter + 1
    return counter


try:
    bump()
except UnboundLocalError as e:
    print(type(e).__name__, e)
except NameError as e:
    print("NameError", e)
