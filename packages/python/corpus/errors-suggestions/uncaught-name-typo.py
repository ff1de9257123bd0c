# A misspelt built-in, uncaught: CPython suggests the closest name ("Did you mean: 'print'?").
values = [3, 1, 2]
total = sum(values)
print("total", total)
prnt("sorted", sorted(values))
