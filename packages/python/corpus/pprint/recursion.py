# Recursive structures: saferepr marks the cycle; isrecursive and isreadable report it.
import pprint

items = [1, 2]
items.append(items)
table = {"name": "t"}
table["self"] = table
print(pprint.saferepr(items).split(" with id")[0])
print(pprint.isrecursive(items), pprint.isreadable(items))
print(pprint.isrecursive(table), pprint.isrecursive({"a": [1, (2, 3)]}))
print(pprint.isreadable({"a": [1, (2, 3)]}), pprint.isreadable(object()))
print(pprint.saferepr({"b": 2, "a": [1, (2,)]}))
shared = [0] * 3
print(pprint.isrecursive([shared, shared]))
text = pprint.pformat(items, width=10)
print(text.split(" with id")[0])
printer = pprint.PrettyPrinter()
print(printer.isrecursive(table), printer.isreadable(table), printer.isreadable([1]))
