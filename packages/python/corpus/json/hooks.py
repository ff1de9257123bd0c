# loads hooks: object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict
import json
from collections import OrderedDict
text = '{"x": 1, "y": 2.50, "tags": ["a"], "nested": {"z": 3}}'
print(json.loads(text, object_hook=lambda d: sorted(d.items())))
print(json.loads(text, object_pairs_hook=OrderedDict))
print(json.loads(text, object_pairs_hook=lambda pairs: [k for k, v in pairs]))
print(json.loads(text, parse_float=lambda s: 'float:' + s, parse_int=lambda s: int(s) * 100))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda name: name.lower()))
print(json.loads('"line\nbreak"', strict=False))
decoder = json.JSONDecoder()
print(decoder.decode('[1, 2]'), decoder.raw_decode('{"a": 1} trailing'))
