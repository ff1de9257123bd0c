# loads errors: CPython's JSONDecodeError messages, positions, lines and columns
import json
documents = ['', '   ', '{', '[', '[1,]', '{"a": 1,}', '{"a" 1}', '{a: 1}', '[1 2]', '"abc',
             '"a\\qb"', '"\\u12x4"', '1 2', 'nul', 'tru', '-', '01', '"tab\there"', '{"a":',
             '[1,\n 2,\n oops]', '{\n  "k": [1, 2,\n  ]\n}', '[1] x', '.5', '1.', '1e']
for doc in documents:
    try:
        print(repr(doc), '->', json.loads(doc))
    except json.JSONDecodeError as error:
        print(repr(doc), '->', error.msg, '|', error.pos, error.lineno, error.colno, '|', error)
try:
    json.loads(42)
except TypeError as error:
    print('TypeError:', error)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads('[')
except ValueError as error:
    print('caught as ValueError:', error)
