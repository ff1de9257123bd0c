# fnmatch.translate: the regular expression CPython 3.13 builds for each kind of pattern.
import fnmatch
patterns = [
    '', '*', '**', '?', '*.py', 'a*b*c', '*a*', 'a?b', 'data[0-9].csv',
    '[', ']', '[]', '[!]', '[]]', '[!]]', '[a-z]', '[z-a]', '[!z-a]', '[a-]', '[-a]',
    '[!-a]', '[a--b]', '[^a]', '[[a]', '[a\\b]', '[a&&b]', '[a~~b]', '[a||b]',
    '[!x-z]*[]', '[a-c-e]', '[a-z-0]', '[b-a-c]', 'é*ü', '(x)+{1}|$^', 'a\nb', '.*.txt',
    '**/*.py', 'x*?*y',
]
for pattern in patterns:
    print(repr(pattern), fnmatch.translate(pattern))
print(fnmatch.translate('a*b') + '|' + fnmatch.translate('*.c'))
