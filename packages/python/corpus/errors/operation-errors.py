# Messages of common operation errors: concatenation, comparison, unpacking, iteration, hashing.
def attempt(number):
    if number == 0:
        return "abc" + 1
    if number == 1:
        return [1] + (2,)
    if number == 2:
        return 1 < "a"
    if number == 3:
        x, y = [1, 2, 3]
    if number == 4:
        a, b = [1]
    if number == 5:
        for item in 5:
            pass
    if number == 6:
        return {[1]: 2}
    if number == 7:
        index = "0"
        return [1, 2][index]
    if number == 8:
        return None.attribute
    return "no error"


for number in range(10):
    try:
        print(number, attempt(number))
    except (TypeError, ValueError, AttributeError) as e:
        print(number, type(e).__name__, e)
