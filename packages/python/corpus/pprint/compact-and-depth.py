# compact=True packs short items on a line; depth replaces deeper levels with "...".
import pprint

numbers = list(range(50))
pprint.pprint(numbers, width=40, compact=True)
pprint.pprint([numbers[:12], "a string", numbers[:5]], width=30, compact=True)
tree = [1, [2, [3, [4, [5, [6]]]]], {"a": {"b": {"c": {}}}}]
for depth in (1, 2, 3):
    pprint.pprint(tree, depth=depth)
pprint.pprint({"a": {"b": [1, 2]}, "c": (1, (2, (3,)))}, depth=2)
print(pprint.isreadable(tree), pprint.PrettyPrinter(depth=1).isreadable(tree))
