# A misspelt local inside a function, uncaught: the suggestion comes from the failing frame's locals.
def average(numbers):
    count = len(numbers)
    total = sum(numbers)
    return totl / count


print("start")
print(average([1, 2, 3]))
