# loads: every JSON type, escapes, surrogate pairs, constants, whitespace
import json
print(json.loads('{"a": [1, -2, 3.5, -4e-2, 1E3, true, false, null], "b": {"c": "d"}}'))
print(json.loads('"esc: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00"'))
print(json.loads(' \n [ ] '), json.loads('{}'), json.loads('0'), json.loads('-0'), json.loads('-0.0'))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('123456789012345'), json.loads('1.5e300'), json.loads('"\\ud800"') == '\ud800')
print(json.loads('{"k": 1, "k": 2}'), type(json.loads('1.0')).__name__, type(json.loads('1')).__name__)
print(json.loads('["a", {"b": [{"c": []}]}]'))
