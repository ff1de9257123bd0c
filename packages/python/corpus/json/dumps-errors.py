# dumps errors: unserializable values, bad keys, NaN when disallowed, cycles
import json
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as error:
        print(label, type(error).__name__ + ':', error)
attempt('object', lambda: json.dumps(object()))
attempt('set', lambda: json.dumps({1, 2}))
attempt('tuple key', lambda: json.dumps({(1,): 2}))
attempt('nan disallowed', lambda: json.dumps([float('nan')], allow_nan=False))
attempt('inf disallowed', lambda: json.dumps(float('inf'), allow_nan=False))
loop = []
loop.append(loop)
attempt('list cycle', lambda: json.dumps(loop))
d = {}
d['d'] = d
attempt('dict cycle', lambda: json.dumps(d))
attempt('unsorted keys', lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True))
