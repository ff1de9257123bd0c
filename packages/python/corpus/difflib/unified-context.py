# unified_diff and context_diff: headers, dates, ranges, n, lineterm and type checks.
import difflib

a = ['one\n', 'two\n', 'three\n', 'four\n', 'five\n', 'six\n', 'seven\n', 'eight\n']
b = ['zero\n', 'one\n', 'tree\n', 'four\n', 'five\n', 'six\n', 'seven\n', 'eight!\n', 'nine\n']
print(''.join(difflib.unified_diff(a, b, 'old.txt', 'new.txt', '2024-01-01', '2024-01-02')), end='')
print(''.join(difflib.context_diff(a, b, 'old.txt', 'new.txt')), end='')
print(list(difflib.unified_diff(a, b, n=0, lineterm='')))
print(list(difflib.context_diff(a, b, n=1, lineterm='')))
print(list(difflib.unified_diff(a, a)))
print(list(difflib.unified_diff([], ['x\n'])))
print(list(difflib.unified_diff(['x\n'], [])))
print(list(difflib.context_diff([], ['x\n'])))
print(list(difflib.context_diff(['x\n', 'y\n'], ['y\n'])))
print(list(difflib.unified_diff('abc', 'abd', lineterm='')))
for args in [([b'a'], ['b']), (['a'], [1]), (['a'], ['b'], b'old')]:
    try:
        list(difflib.unified_diff(*args))
    except TypeError as error:
        print('TypeError', error)
print(list(difflib.diff_bytes(difflib.unified_diff, [b'a\n'], [b'b\n'], b'x', b'y')))
