# A misspelt list method, uncaught: "Did you mean: 'append'?" from dir() of the object.
items = []
for n in range(3):
    items.append(n)
print(items)
items.apend(3)
