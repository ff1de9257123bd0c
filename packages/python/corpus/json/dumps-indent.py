# dumps with indent: nested layout, empty containers, string indents, separators
import json
doc = {'name': 'pymem', 'tags': ['gc', 'refcount'], 'meta': {'stars': 5, 'forks': []}, 'empty': {}}
print(json.dumps(doc, indent=2))
print(json.dumps(doc, indent=0))
print(json.dumps([1, {'a': None}], indent='--'))
print(json.dumps(doc, indent=4, sort_keys=True, separators=(',', ' = ')))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=1))
