# Dicts are sorted by key unless sort_dicts=False; pp keeps insertion order.
import pprint

scores = {"zoe": [90, 85, 77], "adam": [60, 70], "mia": {"math": 99, "art": 12}, 3: "int key"}
try:
    pprint.pprint(scores)
except TypeError as error:
    print("sorting keys of different types:", type(error).__name__)
mixed = {"zoe": 1, "adam": 2, "mia": 3, "bob": list(range(12))}
pprint.pprint(mixed, width=40)
pprint.pprint(mixed, width=40, sort_dicts=False)
pprint.pp(mixed, width=40)
pprint.pp(mixed, width=40, sort_dicts=True)
pprint.pprint({(2, "b"): 1, (1, "z"): 2, (1, "a"): 3}, width=20)
