# fnmatch, fnmatchcase and filter: what matches, for str and bytes, and the type errors.
import fnmatch
names = ['', 'a', 'ab', 'abc', 'a-b', '-', '!', '^', ']', '[', '\\', '.py', 'x.py', 'a\nb',
         'abab', 'a*b', 'é', 'A.PY', 'z']
patterns = ['*', '?', 'a*', '*b', 'a*b', '[ab]*', '[!a]*', '[a-c]', '[]]', '[!]]', '[-]', '[z-a]',
            '[!z-a]', '[\\]', '*.py', '*.[pP][yY]', 'a?b', '[[]', '[^]', '*a*b*']
for pattern in patterns:
    print(repr(pattern).ljust(12), [name for name in names if fnmatch.fnmatchcase(name, pattern)])
print(fnmatch.filter(['a.py', 'b.txt', 'c.PY', 'd.py'], '*.py'), fnmatch.fnmatch('A.py', '*.py'))
print(fnmatch.filter('abc', '[ab]'), fnmatch.filter((n for n in ['x', 'y']), '?'))
print(fnmatch.fnmatch(b'x.py', b'*.py'), fnmatch.filter([b'a', b'b\xff'], b'?\xff'))
print(fnmatch.fnmatchcase('dir/file.txt', '*.txt'), fnmatch.fnmatch('dir/file.txt', 'dir/*'))
cases = [(1, '*'), ('a', 1), ('a', b'a'), (b'a', 'a')]
for name, pattern in cases:
    for function in (fnmatch.fnmatch, fnmatch.fnmatchcase):
        try:
            print(function(name, pattern))
        except TypeError as e:
            print(function.__name__, type(e).__name__, e)
try:
    fnmatch.filter(['a', 1], '*')
except TypeError as e:
    print('filter', e)
print(fnmatch.__all__)
