# pformat breaks a container that does not fit in the width, one item a line, nesting inward.
import pprint

data = {
    "name": "inventory",
    "items": [{"id": i, "tags": ["tag%d" % j for j in range(i)], "qty": i * 7} for i in range(4)],
    "totals": (10, 20, 30),
    "empty": [[], {}, (), set()],
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=40, indent=3)
print(pprint.pformat(list(range(30)), width=30))
print(pprint.pformat(tuple(range(3)), width=5), pprint.pformat((1,), width=2))
