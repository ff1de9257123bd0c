# OrderedDict, defaultdict, Counter, ChainMap and deque each wrap in their own form.
import collections
import pprint

ordered = collections.OrderedDict((f"key{i}", list(range(i))) for i in range(5))
pprint.pprint(ordered, width=40)
groups = collections.defaultdict(list, {f"group{i}": [i] * 6 for i in range(3)})
pprint.pprint(groups, width=30)
counts = collections.Counter("mississippi river banks")
pprint.pprint(counts, width=30)
chain = collections.ChainMap({"a": list(range(10))}, {"b": "y" * 25})
pprint.pprint(chain, width=30)
pprint.pprint(collections.deque(range(20), maxlen=25), width=30)
pprint.pprint(collections.deque(range(20)), width=30)
empties = [collections.OrderedDict(), collections.Counter(), collections.deque()]
pprint.pprint(empties)
