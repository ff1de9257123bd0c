# dumps: every JSON type, key conversion, escapes and non-ASCII text
import json
print(json.dumps({'s': 'text', 'i': 42, 'f': 2.5, 'big': 1e100, 't': True, 'f2': False, 'n': None}))
print(json.dumps([1, [2, [3, []]], {}, (4, 5)]))
print(json.dumps({1: 'int', 2.5: 'float', True: 'bool', None: 'none'}))
print(json.dumps('quote " backslash \\ newline \n tab \t bell \x07'))
print(json.dumps('caf\u00e9 \u20ac \U0001F600'), json.dumps('caf\u00e9 \U0001F600', ensure_ascii=False))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(-float('inf')), json.dumps(-0.0))
print(json.dumps(0.1 + 0.2), json.dumps(1 / 3), json.dumps(10 ** 15), json.dumps(-7))
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.dumps({'a': [1, 2]}, separators=(',', ':')))
print(json.dumps({(1, 2): 'tuple key', 'ok': 1}, skipkeys=True))
print(json.dumps('plain'), json.dumps(None), json.dumps(True))
